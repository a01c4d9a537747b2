import "server-only";
import type { listLlmCallsOfRuns, listStepsOfRuns, RunRow, StepMetadata } from "@/db/queries/runs";

type StepRow = Awaited<ReturnType<typeof listStepsOfRuns>>[number];
type CallRow = Awaited<ReturnType<typeof listLlmCallsOfRuns>>[number];

/** One model call under the node that made it. */
export type TreeCall = Omit<CallRow, "runId">;

/** A node of a run: the subgraph nodes it ran and the model calls it made, beneath it. */
export type TreeStep = {
  id: number;
  node: string;
  status: StepRow["status"];
  startedAt: Date;
  endedAt: Date | null;
  error: string | null;
  /** The subgraph path ("compose"), null for the run's own nodes. */
  namespace: string | null;
  calls: TreeCall[];
  steps: TreeStep[];
};

export type Spend = { calls: number; tokensIn: number; tokensOut: number; costUsd: number };

/** A run with its nodes in order and the runs it started nested beneath it. */
export type TreeRun = {
  run: Pick<RunRow, "id" | "assistantId" | "status" | "startedAt" | "endedAt" | "error" | "parentRunId">;
  steps: TreeStep[];
  /** Calls no recorded node accounts for (a run that stopped before recording its steps). */
  unplacedCalls: TreeCall[];
  children: TreeRun[];
  /** This run's own model spend, and with every run beneath it. */
  spend: Spend;
  treeSpend: Spend;
};

/**
 * Shapes a run tree's rows for the page. Runs come parents first (as `listRunTree` reads them);
 * a subgraph's node nests under the node that ran it, found by the task id its step keeps
 * (or, for a step without one, the latest earlier node of that name); a model call goes to the
 * node of its name that was running when the call was recorded.
 */
export function buildRunTree(runs: readonly { run: RunRow }[], steps: readonly StepRow[], calls: readonly CallRow[]): TreeRun | null {
  const stepsOf = groupBy(steps, (s) => s.runId);
  const callsOf = groupBy(calls, (c) => c.runId ?? "");
  const byId = new Map<string, TreeRun>();
  let root: TreeRun | null = null;
  for (const { run } of runs) {
    const own = callsOf.get(run.id) ?? [];
    const node: TreeRun = {
      run: { id: run.id, assistantId: run.assistantId, status: run.status, startedAt: run.startedAt, endedAt: run.endedAt, error: run.error, parentRunId: run.parentRunId },
      ...nest(stepsOf.get(run.id) ?? [], own),
      children: [],
      spend: spendOf(own),
      treeSpend: spendOf(own),
    };
    byId.set(run.id, node);
    const parent = root && run.parentRunId ? byId.get(run.parentRunId) : undefined;
    if (!root) root = node;
    else parent?.children.push(node);
  }
  if (root) addChildSpend(root);
  return root;
}

function nest(rows: readonly StepRow[], calls: readonly CallRow[]): Pick<TreeRun, "steps" | "unplacedCalls"> {
  const all = rows.map((row) => ({ row, step: toStep(row) }));
  const byTask = new Map<string, TreeStep>();
  for (const { row, step } of all) {
    const task = metadataOf(row).task_id;
    if (task) byTask.set(task, step);
  }
  const top: TreeStep[] = [];
  all.forEach(({ row, step }, index) => {
    if (row.namespace === null) return void top.push(step);
    const parent = byTask.get(metadataOf(row).parent_task_id ?? "") ?? enclosingByName(all.slice(0, index), row.namespace);
    (parent ? parent.steps : top).push(step);
  });
  const unplacedCalls: TreeCall[] = [];
  for (const call of calls) {
    const step = runningAt(all.map((a) => a.step).filter((s) => s.node === call.node), call.createdAt);
    (step ? step.calls : unplacedCalls).push(withoutRun(call));
  }
  return { steps: top, unplacedCalls };
}

/** "compose|refine" runs inside the latest earlier `refine` whose own path is "compose". */
function enclosingByName(earlier: readonly { row: StepRow; step: TreeStep }[], namespace: string): TreeStep | undefined {
  const path = namespace.split("|");
  const name = path.pop();
  const outer = path.length ? path.join("|") : null;
  return earlier.findLast(({ row }) => row.node === name && row.namespace === outer)?.step;
}

/** The step (of the candidates) running at `at`, latest started first; else the last one started before it. */
function runningAt(candidates: readonly TreeStep[], at: Date): TreeStep | undefined {
  const t = at.getTime();
  const started = candidates.filter((s) => s.startedAt.getTime() <= t);
  return started.findLast((s) => s.endedAt === null || s.endedAt.getTime() >= t) ?? started.at(-1);
}

function toStep(row: StepRow): TreeStep {
  return { id: row.id, node: row.node, status: row.status, startedAt: row.startedAt, endedAt: row.endedAt, error: row.error, namespace: row.namespace, calls: [], steps: [] };
}

function metadataOf(row: StepRow): StepMetadata {
  return (row.metadata ?? {}) as StepMetadata;
}

function withoutRun(call: CallRow): TreeCall {
  return { id: call.id, node: call.node, model: call.model, promptVersion: call.promptVersion, tokensIn: call.tokensIn, tokensOut: call.tokensOut, costUsd: call.costUsd, latencyMs: call.latencyMs, cacheHit: call.cacheHit, status: call.status, error: call.error, createdAt: call.createdAt };
}

function spendOf(calls: readonly CallRow[]): Spend {
  return calls.reduce((s, c) => ({ calls: s.calls + 1, tokensIn: s.tokensIn + c.tokensIn, tokensOut: s.tokensOut + c.tokensOut, costUsd: s.costUsd + c.costUsd }), { calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 });
}

function addChildSpend(node: TreeRun): Spend {
  for (const child of node.children) {
    const sub = addChildSpend(child);
    node.treeSpend = { calls: node.treeSpend.calls + sub.calls, tokensIn: node.treeSpend.tokensIn + sub.tokensIn, tokensOut: node.treeSpend.tokensOut + sub.tokensOut, costUsd: node.treeSpend.costUsd + sub.costUsd };
  }
  return node.treeSpend;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
