import type { Role } from "../schema";

/** Shared password of every demo user; shown on the sign-in page only in demo mode. */
export const DEMO_PASSWORD = "demo-password";

export type DemoUser = { id: string; name: string; email: string; role: Role };

export const DEMO_USERS: readonly DemoUser[] = [
  { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" },
  { id: "usr_demo_operator", name: "Omar Operator", email: "operator@demo.local", role: "operator" },
  { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" },
  { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" },
];

/** The demo reps who own contacts, in round-robin order. */
export const DEMO_REPS = DEMO_USERS.filter((u) => u.role === "rep");
