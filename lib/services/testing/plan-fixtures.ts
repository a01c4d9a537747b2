import type { Database } from "@/db/client";
import { companies, contacts, emailCampaigns, users } from "@/db/schema";

/** The people plan tests act as. */
export const people = {
  admin: { id: "u-admin", name: "Ada Admin", email: "ada@x.test", role: "admin" as const },
  operator: { id: "u-op", name: "Otto Operator", email: "otto@x.test", role: "operator" as const },
  rep: { id: "u-rep", name: "Rita Rep", email: "rita@x.test", role: "rep" as const },
  rep2: { id: "u-rep2", name: "Remy Rep", email: "remy@x.test", role: "rep" as const },
};

let n = 0;

/** Users, for a fresh database. */
export async function seedPeople(database: Database): Promise<void> {
  await database.insert(users).values(Object.values(people).map((u) => ({ ...u, emailVerified: true })));
}

/** An account with the given HQ and country, and its contacts (each `[seniority, ownerId, flags]`). */
export async function account(
  database: Database,
  input: { vertical?: "saas" | "retail"; hqCity: string | null; country: string | null; contacts: { seniority: "c_level" | "vp" | "manager"; ownerId: string; doNotContact?: boolean }[] },
) {
  n += 1;
  const [company] = await database
    .insert(companies)
    .values({ name: `Account ${n}`, domain: `account-${n}.example`, vertical: input.vertical ?? "saas", size: "51-200", hqCity: input.hqCity, country: input.country })
    .returning({ id: companies.id });
  const ids: number[] = [];
  for (const [i, c] of input.contacts.entries()) {
    const [row] = await database
      .insert(contacts)
      .values({ companyId: company!.id, firstName: `First${n}${i}`, lastName: `Last${n}${i}`, email: `p${n}-${i}@account-${n}.example`, title: c.seniority === "vp" ? "VP Finance" : "Ops Manager", seniority: c.seniority, ownerId: c.ownerId, doNotContact: c.doNotContact ?? false })
      .returning({ id: contacts.id });
    ids.push(row!.id);
  }
  return { companyId: company!.id, contactIds: ids };
}

/** An active campaign for a vertical. */
export async function activeCampaign(database: Database, vertical: "saas" | "retail") {
  const [row] = await database.insert(emailCampaigns).values({ name: `Campaign ${vertical}`, vertical, status: "active", cadenceDays: [0, 4, 7] }).returning({ id: emailCampaigns.id });
  return row!.id;
}
