/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "crm_orchestrator",
  description: "Reasons over a contact's or an account's CRM state toward a goal, decomposes it into typed actions from a closed vocabulary and passes each through the governance gate; the console then acts on the ones the gate lets run and verifies them.",
  feature: "orchestration",
  budget: "standard",
  resumable: true,
  /** Besides admins, whoever asked for the plan (the run's metadata.requested_by). */
  runAccess: "asker",
} as const;
