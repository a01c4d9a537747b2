import { defineGraph, defineRegistry } from "../spec";
import type { ApprovalInput, ApprovalOutput, ApprovalResume } from "./approval/graph";
import type { EchoInput, EchoOutput } from "./echo/graph";
import type { FailingInput, FailingOutput } from "./failing/graph";
import type { NestingInput, NestingOutput, StartChildRun } from "./nesting/graph";
import type { SlowInput, SlowOutput } from "./slow/graph";

/**
 * Small graphs with no model for the runtime's own tests and benchmark. Not part of the fleet:
 * the console never registers them.
 */
export const TEST_REGISTRY = defineRegistry([
  defineGraph<{ input: EchoInput; output: EchoOutput; resume: never }>()({
    assistantId: "echo",
    description: "Echoes a message (stateless, no model).",
    load: () => import("./echo/graph"),
    resumable: false,
    budget: "background",
    feature: "testing",
    entry: "./graphs/testing/echo/graph.ts:graph",
  }),
  defineGraph<{ input: ApprovalInput; output: ApprovalOutput; resume: ApprovalResume }>()({
    assistantId: "approval",
    description: "Writes a draft and waits for a person to approve or reject it.",
    load: () => import("./approval/graph"),
    resumable: true,
    budget: "default",
    feature: "testing",
    entry: "./graphs/testing/approval/graph.ts:graph",
  }),
  defineGraph<{ input: SlowInput; output: SlowOutput; resume: never }>()({
    assistantId: "slow",
    description: "Sleeps; used for timeouts and busy threads.",
    load: () => import("./slow/graph"),
    resumable: true,
    budget: "background",
    feature: "testing",
    entry: "./graphs/testing/slow/graph.ts:graph",
  }),
  defineGraph<{ input: FailingInput; output: FailingOutput; resume: never }>()({
    assistantId: "failing",
    description: "Runs one node, then fails in the next.",
    load: () => import("./failing/graph"),
    resumable: false,
    budget: "background",
    feature: "testing",
    entry: "./graphs/testing/failing/graph.ts:graph",
  }),
  defineGraph<{ input: { anything?: string }; output: never; resume: never }>()({
    assistantId: "broken",
    description: "Its module throws on import.",
    load: () => import("./broken/graph") as never,
    resumable: false,
    budget: "background",
    feature: "testing",
    entry: "./graphs/testing/broken/graph.ts:graph",
  }),
]);

export type TestRegistry = typeof TEST_REGISTRY;

/**
 * The test fleet plus `nesting`, whose background run is started through `startChild` (a graph
 * cannot import the client, so the test injects it).
 */
export function nestingRegistry(startChild: StartChildRun) {
  return defineRegistry([
    ...TEST_REGISTRY.specs,
    defineGraph<{ input: NestingInput; output: NestingOutput; resume: never }>()({
      assistantId: "nesting",
      description: "Runs a subgraph in one node and starts a background run from another.",
      load: async () => (await import("./nesting/graph")).nestingModule(startChild),
      resumable: false,
      budget: "background",
      feature: "testing",
      entry: "./graphs/testing/nesting/graph.ts:nestingModule",
    }),
  ]);
}
