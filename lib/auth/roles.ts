import type { Role } from "@/db/schema";

export type { Role };

const RANK: Record<Role, number> = { rep: 0, operator: 1, admin: 2 };

/** Roles are nested: an operator can do what a rep can, an admin what an operator can. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export type NavItem = { href: string; label: string; minRole: Role };

/** The console's sections and who may open them; pages enforce the same `minRole` on the server. */
export const NAV: readonly NavItem[] = [
  { href: "/drafts", label: "Drafts", minRole: "rep" },
  { href: "/campaigns", label: "Campaigns", minRole: "rep" },
  { href: "/analytics", label: "Analytics", minRole: "operator" },
  { href: "/contacts", label: "Contacts", minRole: "rep" },
  { href: "/plans", label: "Plans", minRole: "rep" },
  { href: "/admin", label: "Admin", minRole: "admin" },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => hasRole(role, item.minRole));
}

/** The least role a section needs, looked up by its path prefix. */
export function minRoleFor(section: string): Role {
  return NAV.find((item) => item.href === section)?.minRole ?? "rep";
}
