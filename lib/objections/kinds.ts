/**
 * The closed vocabulary of objections a playbook answers (issue #13, the seeds' objection coach).
 * Order is the order an editor and a rep see them in.
 */
export const OBJECTION_KINDS = [
  "price",
  "timing",
  "incumbent_vendor",
  "no_budget",
  "not_a_priority",
  "security_compliance",
  "integration_effort",
  "consult_others",
  "send_more_info",
] as const;
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];

/** A classification may also say the message raises none of these: "I don't know" beats an answer to another question. */
export type ObjectionClass = ObjectionKind | "none";

export const OBJECTION_LABELS: Record<ObjectionKind, string> = {
  price: "Price",
  timing: "Timing",
  incumbent_vendor: "Incumbent vendor",
  no_budget: "No budget",
  not_a_priority: "Not a priority",
  security_compliance: "Security / compliance",
  integration_effort: "Integration effort",
  consult_others: "Need to consult others",
  send_more_info: "Send more information",
};

export const isObjectionKind = (value: unknown): value is ObjectionKind => typeof value === "string" && (OBJECTION_KINDS as readonly string[]).includes(value);
