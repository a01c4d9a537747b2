import type { Metadata } from "next";
import Link from "next/link";
import { ContactsBrowser } from "@/components/contacts/contacts-browser";
import { CrmTabs } from "@/components/contacts/crm-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import {
  CONTACT_STATUSES, ContactListQuery, parseContactListQuery, SCORE_TIERS, searchContacts, SENIORITIES, VERTICALS,
} from "@/lib/services/contacts";

export const metadata: Metadata = { title: "Contacts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("rep");
  const raw = await searchParams;
  let query: ContactListQuery;
  let problem: string | null = null;
  try {
    query = parseContactListQuery(raw);
  } catch (e) {
    // A hand-edited URL with a bad filter shows the unfiltered list and says what was wrong.
    problem = userMessage(e);
    query = ContactListQuery.parse({});
  }
  const initial = await searchContacts(user, query);
  const initialParams: Record<string, string> = {};
  if (!problem) {
    for (const key of Object.keys(ContactListQuery.shape)) {
      const value = raw[key];
      if (typeof value === "string" && value !== "") initialParams[key] = value;
    }
  }
  return (
    <>
      <PageHeader
        title="CRM"
        description="Every company and contact the fleet can work with."
        actions={
          <Link href="/contacts/import" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Import CSV
          </Link>
        }
      />
      <CrmTabs active="contacts" />
      {problem ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {problem} Showing all contacts instead.
        </p>
      ) : null}
      <ContactsBrowser
        initial={initial}
        initialParams={initialParams}
        options={{ verticals: VERTICALS, seniorities: SENIORITIES, statuses: CONTACT_STATUSES, tiers: SCORE_TIERS }}
        viewer={{ id: user.id, draftsForAnyone: hasRole(user.role, "admin"), scoresEveryone: hasRole(user.role, "operator") }}
      />
    </>
  );
}
