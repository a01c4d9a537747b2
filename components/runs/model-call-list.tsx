import type { TreeCall } from "@/lib/services/run-tree";
import { microUsd } from "./run-status";

/** The model calls one node made: which model and prompt, the tokens, what it cost and how long it took. */
export function ModelCallList({ calls }: { calls: TreeCall[] }) {
  if (calls.length === 0) return null;
  return (
    <ul className="mt-1.5 space-y-1" aria-label="Model calls">
      {calls.map((c) => (
        <li
          key={c.id}
          data-testid="run-model-call"
          data-node={c.node}
          className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 rounded bg-slate-50 px-2 py-1 text-xs text-slate-700"
        >
          <span className="font-mono" data-field="model">{c.model}</span>
          <span className="font-mono text-slate-500" data-field="prompt">{c.promptVersion ?? "no prompt version"}</span>
          <span className="tabular-nums" data-field="tokens">{c.tokensIn} / {c.tokensOut} tokens</span>
          <span className="tabular-nums font-medium" data-field="cost">{microUsd(c.costUsd)}</span>
          <span className="tabular-nums text-slate-500">{c.latencyMs} ms</span>
          {c.cacheHit ? <span className="text-slate-500">cache hit</span> : null}
          {c.status !== "ok" ? <span className="font-medium text-rose-700">{c.status}{c.error ? `: ${c.error}` : ""}</span> : null}
        </li>
      ))}
    </ul>
  );
}
