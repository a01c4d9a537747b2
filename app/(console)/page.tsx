import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";

/**
 * Where each role starts. Operators own no contacts, so their drafts queue is always empty: they
 * start on Analytics, their work. Reps start on their drafts. Admins start on the drafts queue
 * too: it spans every rep (with an owner column and filter), and deciding drafts is the console's
 * daily work, while the admin pages are for oversight that does not need a first look each visit.
 */
const HOME: Record<Role, string> = { rep: "/drafts", operator: "/analytics", admin: "/drafts" };

export default async function Home() {
  const user = await requirePageUser();
  redirect(HOME[user.role]);
}
