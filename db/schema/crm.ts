import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt, flag, timestamp } from "./columns";

export const VERTICALS = ["saas", "fintech", "healthcare", "manufacturing", "logistics", "retail"] as const;
export type Vertical = (typeof VERTICALS)[number];

/** Seniority bands, most senior first. */
export const SENIORITIES = ["c_level", "vp", "director", "manager", "senior", "entry"] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const companies = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    domain: text("domain").notNull().unique(),
    vertical: text("vertical", { enum: VERTICALS }).notNull(),
    /** Employee band, e.g. "51-200". */
    size: text("size").notNull(),
    employeeCount: integer("employee_count"),
    /** ISO 3166-1 alpha-2. */
    country: text("country"),
    hqCity: text("hq_city"),
    enrichedAt: timestamp("enriched_at"),
    enrichmentSource: text("enrichment_source"),
    createdAt: createdAt(),
  },
  (t) => [
    index("companies_name_idx").on(sql`lower(${t.name})`),
    index("companies_vertical_idx").on(t.vertical, t.name),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** Stored lower-cased and trimmed. */
    email: text("email").notNull().unique(),
    title: text("title"),
    seniority: text("seniority", { enum: SENIORITIES }),
    department: text("department"),
    linkedinUrl: text("linkedin_url"),
    doNotContact: flag("do_not_contact"),
    bounced: flag("bounced"),
    unsubscribed: flag("unsubscribed"),
    replied: flag("replied"),
    /** The rep who owns this contact's drafts and campaigns. */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    lastContactedAt: timestamp("last_contacted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("contacts_company_idx").on(t.companyId),
    index("contacts_owner_idx").on(t.ownerId, t.lastName, t.firstName),
    index("contacts_name_idx").on(t.lastName, t.firstName, t.id),
    index("contacts_seniority_idx").on(t.seniority),
  ],
);

export const companyFacts = sqliteTable(
  "company_facts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    fact: text("fact").notNull(),
    /** Where the fact came from: a URL, "crm_import", "enrichment:<provider>"… */
    source: text("source").notNull(),
    /** 0..1 */
    confidence: real("confidence").notNull(),
    observedAt: timestamp("observed_at").notNull(),
  },
  (t) => [index("company_facts_company_idx").on(t.companyId, t.confidence)],
);
