import { defineGraph, defineRegistry, type GraphMeta } from "../spec";
import type { ApprovalInput, ApprovalOutput, ApprovalResume } from "./approval/graph";
import type { EchoInput, EchoOutput } from "./echo/graph";
import type { FailingInput, FailingOutput } from "./failing/graph";
import type { NestingInput, NestingOutput, StartChildRun } from "./nesting/graph";
import type { SlowInput, SlowOutput } from "./slow/graph";

const testing = <const Id extends string>(assistantId: Id, description: string, budget: GraphMeta["budget"], resumable: boolean): GraphMeta<Id> => ({
  assistantId,
  description,
  feature: "testing",
  budget,
  resumable,
  runAccess: "admin",
});

/**
 * Small graphs with no model for the runtime's own tests and benchmark. Not part of the fleet:
 * the console never registers them, and they keep no graph-folder template (see graphs/fleet.test.ts).
 */
export const TEST_REGISTRY = defineRegistry([
  defineGraph<{ input: EchoInput; output: EchoOutput; resume: never }>()(
    testing("echo", "Echoes a message (stateless, no model).", "background", false),
    () => import("./echo/graph"),
    "graphs/testing/echo",
  ),
  defineGraph<{ input: ApprovalInput; output: ApprovalOutput; resume: ApprovalResume }>()(
    testing("approval", "Writes a draft and waits for a person to approve or reject it.", "default", true),
    () => import("./approval/graph"),
    "graphs/testing/approval",
  ),
  defineGraph<{ input: SlowInput; output: SlowOutput; resume: never }>()(
    testing("slow", "Sleeps; used for timeouts and busy threads.", "background", true),
    () => import("./slow/graph"),
    "graphs/testing/slow",
  ),
  defineGraph<{ input: FailingInput; output: FailingOutput; resume: never }>()(
    testing("failing", "Runs one node, then fails in the next.", "background", false),
    () => import("./failing/graph"),
    "graphs/testing/failing",
  ),
  defineGraph<{ input: { anything?: string }; output: never; resume: never }>()(
    testing("broken", "Its module throws on import.", "background", false),
    () => import("./broken/graph") as never,
    "graphs/testing/broken",
  ),
]);

export type TestRegistry = typeof TEST_REGISTRY;

/**
 * The test fleet plus `nesting`, whose background run is started through `startChild` (a graph
 * cannot import the client, so the test injects it).
 */
export function nestingRegistry(startChild: StartChildRun) {
  return defineRegistry([
    ...TEST_REGISTRY.specs,
    defineGraph<{ input: NestingInput; output: NestingOutput; resume: never }>()(
      testing("nesting", "Runs a subgraph in one node and starts a background run from another.", "background", false),
      async () => (await import("./nesting/graph")).nestingModule(startChild),
      "graphs/testing/nesting",
    ),
  ]);
}
