import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { z } from "zod";

/** Timeout budget classes (DESIGN §3); one table, so every SLA is audited in one place. */
export const BUDGET_SECONDS = {
  background: 20,
  retrieval: 30,
  default: 60,
  standard: 90,
  heavy: 120,
  discovery: 180,
  thinking: 180,
} as const;
export type BudgetClass = keyof typeof BUDGET_SECONDS;

/** What a compiled graph must offer the runtime (a subset of LangGraph's CompiledStateGraph). */
export interface RunnableGraph {
  invoke(input: unknown, config?: Record<string, unknown>): Promise<unknown>;
  stream(input: unknown, config?: Record<string, unknown>): Promise<AsyncIterable<unknown>>;
  getState(config: Record<string, unknown>): Promise<StateSnapshotLike>;
  getStateHistory(config: Record<string, unknown>, options?: { limit?: number; before?: Record<string, unknown>; filter?: Record<string, unknown> }): AsyncIterableIterator<StateSnapshotLike>;
}

export type StateSnapshotLike = {
  values: unknown;
  next: readonly string[];
  tasks: readonly { id: string; name: string; path?: readonly unknown[]; error?: unknown; interrupts: readonly { id?: string; value?: unknown }[]; state?: unknown; result?: unknown }[];
  metadata?: Record<string, unknown>;
  config: { configurable?: Record<string, unknown> };
  parentConfig?: { configurable?: Record<string, unknown> };
  createdAt?: string;
};

/** The contract of `graphs/<id>/graph.ts`: the uncompiled workflow and its input schema. */
export interface GraphModule {
  /** Compiled by the runtime, with the checkpointer only when the graph is resumable. */
  workflow: { compile(options?: { checkpointer?: BaseCheckpointSaver }): RunnableGraph };
  /** Run input is validated against this before anything is written; errors name the field path. */
  inputSchema: z.ZodType;
}

/** Type-level description of a graph's input, output and resume values. */
export type GraphIO = { input: unknown; output: unknown; resume: unknown };

/**
 * Who may open a graph's runs besides admins: `asker` — the person named in the run's
 * `metadata.requested_by`; `draft_owner` — the rep a draft from the run is assigned to; `admin` — nobody else.
 */
export const RUN_ACCESS = ["asker", "draft_owner", "admin"] as const;
export type RunAccess = (typeof RUN_ACCESS)[number];

/**
 * A graph's identity, written once in `graphs/<folder>/meta.ts` (a plain object, no imports) and
 * read by the registry, its wiring (`nodeTracer(meta)`), its model calls, telemetry and run access.
 */
export type GraphMeta<Id extends string = string> = {
  /** Public API name (snake_case): the assistant id in /runs/wait, langgraph.json and the client. */
  readonly assistantId: Id;
  readonly description: string;
  /** Product pillar for cost and tracing dimensions. */
  readonly feature: string;
  readonly budget: BudgetClass;
  /** Resumable graphs (interrupt for a person, sleep between touches) get the checkpointer. */
  readonly resumable: boolean;
  readonly runAccess: RunAccess;
};

/** The part of a graph's identity its nodes and spans carry. */
export type GraphIdentity = Pick<GraphMeta, "assistantId" | "feature">;

export type GraphSpec<Id extends string = string, IO extends GraphIO = GraphIO> = GraphMeta<Id> & {
  /** Imported on the graph's first run, never at start-up. */
  readonly load: () => Promise<GraphModule>;
  /** `path/to/graph.ts:export` for langgraph.json, relative to the repository root. */
  readonly entry: string;
  /** Phantom field carrying the IO types; never set at run time. */
  readonly __io?: IO;
};

export type Registry<Specs extends readonly GraphSpec[] = readonly GraphSpec[]> = {
  readonly specs: Specs;
  readonly ids: readonly Specs[number]["assistantId"][];
  get(assistantId: string): Specs[number] | undefined;
};

/** The folder a graph lives in: its assistant id in kebab case (`email_orchestrator` → `email-orchestrator`). */
export function folderOf(assistantId: string): string {
  return assistantId.replaceAll("_", "-");
}

/**
 * Declares one graph from its meta and its lazy module; the IO type parameter makes the typed
 * client check inputs at compile time. `dir` is the folder's path from the repository root
 * (default `graphs/<folder of the id>`), from which langgraph.json's entry is derived.
 */
export function defineGraph<IO extends GraphIO>() {
  return <const Id extends string>(meta: GraphMeta<Id>, load: () => Promise<GraphModule>, dir = `graphs/${folderOf(meta.assistantId)}`): GraphSpec<Id, IO> => ({
    ...meta,
    load,
    entry: `./${dir}/graph.ts:graph`,
  });
}

/** Freezes a fleet; a duplicate assistant id throws when the module loads. */
export function defineRegistry<const Specs extends readonly GraphSpec[]>(specs: Specs): Registry<Specs> {
  const byId = new Map<string, Specs[number]>();
  for (const spec of specs) {
    if (byId.has(spec.assistantId)) throw new Error(`Duplicate assistant id in the graph registry: "${spec.assistantId}"`);
    if (!/^[a-z][a-z0-9_]*$/.test(spec.assistantId)) throw new Error(`Assistant id "${spec.assistantId}" must be snake_case`);
    byId.set(spec.assistantId, Object.freeze({ ...spec }));
  }
  const frozen = Object.freeze([...byId.values()]) as unknown as Specs;
  return Object.freeze({
    specs: frozen,
    ids: Object.freeze(frozen.map((s) => s.assistantId)),
    get: (id: string) => byId.get(id),
  });
}

export type AssistantIdOf<R extends Registry> = R["specs"][number]["assistantId"];
type SpecOf<R extends Registry, Id> = Extract<R["specs"][number], { assistantId: Id }>;
type IOOf<R extends Registry, Id> = NonNullable<SpecOf<R, Id>["__io"]>;
export type InputOf<R extends Registry, Id> = IOOf<R, Id>["input"];
export type OutputOf<R extends Registry, Id> = IOOf<R, Id>["output"];
export type ResumeOf<R extends Registry, Id> = IOOf<R, Id>["resume"];
