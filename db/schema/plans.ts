import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt, timestamp } from "./columns";
import { companies, contacts } from "./crm";
import type { Provenance } from "./outreach";

/**
 * A plan's life: `planning` while crm_orchestrator reasons; `needs_person` while a step waits
 * for approval or failed and waits for someone to look; `done` once every step is settled;
 * `failed` when the planning run itself failed (its reason in `reasoning`).
 */
export const PLAN_STATUSES = ["planning", "needs_person", "done", "failed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A goal for one contact or one account (company), as crm_orchestrator reasoned and decomposed it. */
export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    goal: text("goal").notNull(),
    /** The subject: a contact (its company is set too) or an account (company only). */
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("planning"),
    /** The planner's reasoning over the CRM state, in words. */
    reasoning: text("reasoning"),
    provenance: text("provenance", { mode: "json" }).$type<Provenance & { path?: unknown }>(),
    /** PROMPT_VERSION when the model planned, else the rules' version. */
    promptVersion: text("prompt_version"),
    /** The autonomy level the gate applied. */
    autonomy: text("autonomy").notNull(),
    runId: text("run_id"),
    threadId: text("thread_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: createdAt("updated_at"),
  },
  (t) => [index("plans_created_idx").on(t.createdAt), index("plans_contact_idx").on(t.contactId), index("plans_company_idx").on(t.companyId)],
);

export const STEP_STATUSES = ["auto_ran", "awaiting_approval", "approved", "rejected", "done", "failed", "dropped"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** One typed action of a plan, with the gate's verdict and what happened when it ran. */
export const planSteps = sqliteTable(
  "plan_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** A vocabulary action, or what the planner asked for when the step was dropped. */
    action: text("action").notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    confidence: real("confidence").notNull(),
    /** Why the planner proposed it. */
    reason: text("reason").notNull(),
    /** `auto_run`, `needs_approval` or `dropped`; with the gate's reason. */
    verdict: text("verdict").notNull(),
    verdictReason: text("verdict_reason").notNull(),
    status: text("status", { enum: STEP_STATUSES }).notNull(),
    /** What reading the state back found (or why the step could not run). */
    verification: text("verification"),
    /** What the action produced: `draft:12`, `task:3`, `company:5`… */
    resultRef: text("result_ref"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at"),
    rejectReason: text("reject_reason"),
    updatedAt: createdAt("updated_at"),
  },
  (t) => [index("plan_steps_plan_idx").on(t.planId, t.position)],
);

export const TASK_KINDS = ["follow_up", "flag"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ["open", "done"] as const;

/** Work for a person about a contact: a follow-up, or a flag ("a person should look at this"). */
export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: TASK_KINDS }).notNull(),
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueAt: timestamp("due_at"),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    /** Who should do it: the contact's owner, else nobody in particular (any operator). */
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The plan step that made it, when a plan did. */
    planStepId: integer("plan_step_id"),
    createdAt: createdAt(),
  },
  (t) => [index("tasks_contact_idx").on(t.contactId, t.status), index("tasks_company_idx").on(t.companyId, t.status), index("tasks_assignee_idx").on(t.assigneeId, t.status)],
);
