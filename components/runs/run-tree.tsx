import Link from "next/link";
import type { TreeRun } from "@/lib/services/run-tree";
import { ModelCallList } from "./model-call-list";
import { duration, microUsd, StatusBadge } from "./run-status";
import { longestStep, StepTree } from "./step-tree";

/**
 * A run as a tree: its nodes (subgraph nodes nested, model calls beneath each), then the runs it
 * started, each a link to its own page with its nodes folded and its own children nested.
 */
export function RunTree({ root, truncated }: { root: TreeRun; truncated: boolean }) {
  return (
    <div className="space-y-4" data-testid="run-tree">
      <RunBody run={root} />
      {truncated ? <p className="text-xs text-amber-800">Some runs further down this tree are not shown: it is deeper or wider than the page reads.</p> : null}
    </div>
  );
}

/** What the run's model calls cost, and with the runs it started when there are any. */
export function SpendSummary({ root }: { root: TreeRun }) {
  const { spend, treeSpend } = root;
  if (treeSpend.calls === 0) {
    if (root.steps.length === 0) return null;
    return <p className="mb-3 text-sm text-slate-500">No model calls: every step took its deterministic path (no model configured, or none was needed).</p>;
  }
  return (
    <p className="mb-3 text-sm text-slate-600">
      Model spend <span className="font-medium tabular-nums text-slate-900" data-testid="run-cost-total">{microUsd(spend.costUsd)}</span> over {spend.calls} call
      {spend.calls === 1 ? "" : "s"} ({spend.tokensIn} / {spend.tokensOut} tokens)
      {treeSpend.calls > spend.calls ? (
        <>
          ; with the runs it started <span className="font-medium tabular-nums text-slate-900" data-testid="run-tree-cost-total">{microUsd(treeSpend.costUsd)}</span>
        </>
      ) : null}
    </p>
  );
}

function RunBody({ run }: { run: TreeRun }) {
  return (
    <>
      {run.steps.length === 0 ? (
        <p className="text-sm text-slate-500">No steps recorded.</p>
      ) : (
        <StepTree steps={run.steps} longest={longestStep(run.steps)} />
      )}
      {run.unplacedCalls.length ? (
        <div>
          <p className="text-xs text-slate-500">Model calls no recorded step accounts for</p>
          <ModelCallList calls={run.unplacedCalls} />
        </div>
      ) : null}
      {run.children.length ? <ChildRuns runs={run.children} /> : null}
    </>
  );
}

function ChildRuns({ runs }: { runs: TreeRun[] }) {
  return (
    <section aria-label="Runs started by this run">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Runs it started ({runs.length})</h3>
      <ol className="mt-1 ml-3 space-y-2 border-l-2 border-brand-100 pl-3" data-testid="run-children">
        {runs.map((child) => (
          <li key={child.run.id} data-testid="run-child" data-run-id={child.run.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link href={`/runs/${child.run.id}`} className="font-mono text-brand-700 hover:underline">{child.run.assistantId}</Link>
              <span className="font-mono text-xs text-slate-500">{child.run.id}</span>
              <StatusBadge status={child.run.status} />
              <span className="tabular-nums text-slate-600">{duration(child.run.startedAt, child.run.endedAt)}</span>
              {child.treeSpend.calls ? <span className="tabular-nums text-slate-600">{microUsd(child.treeSpend.costUsd)}</span> : null}
            </div>
            {child.run.error ? <p className="mt-0.5 text-xs text-rose-700">{child.run.error}</p> : null}
            <ChildBody run={child} />
            {child.children.length ? <ChildRuns runs={child.children} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A child run's own nodes, folded: the tree stays readable when a run started many others. */
function ChildBody({ run }: { run: TreeRun }) {
  if (run.steps.length + run.unplacedCalls.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-slate-500">
        {run.steps.length} step{run.steps.length === 1 ? "" : "s"}, {run.spend.calls} model call{run.spend.calls === 1 ? "" : "s"}
      </summary>
      <div className="mt-1 space-y-3">
        <RunBody run={{ ...run, children: [] }} />
      </div>
    </details>
  );
}
