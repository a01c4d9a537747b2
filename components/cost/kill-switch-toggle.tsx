"use client";
import Link from "next/link";
import { useSetKillSwitch } from "./use-model-controls";

/** The admin's off switch for every model call; disabled while the environment holds it on. */
export function KillSwitchToggle({ enabled, byEnvironment }: { enabled: boolean; byEnvironment: boolean }) {
  const toggle = useSetKillSwitch();
  const on = byEnvironment || enabled;
  return (
    <div className="space-y-3 text-sm">
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label="Model kill switch"
          aria-describedby="kill-switch-help"
          disabled={byEnvironment || toggle.isPending}
          onClick={() => toggle.mutate(!enabled)}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${on ? "bg-rose-600" : "bg-slate-300"}`}
        >
          <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`} />
        </button>
        <span className="font-medium" data-testid="kill-switch-state">
          {byEnvironment ? "On via environment" : on ? "On: model calls are refused" : "Off: model calls are allowed"}
        </span>
      </div>
      <p id="kill-switch-help" className="text-slate-600">
        {byEnvironment
          ? "LLM_KILL_SWITCH is set in the environment, so the switch stays on here; change the variable and restart to turn it off."
          : <>Turning it on stops every model call within a second, with no deploy; each node takes its deterministic path. The change is alerted and audited: <Link href="/admin/audit?action=llm.kill_switch" className="text-brand-700 underline">see the log</Link>.</>}
      </p>
      {toggle.error ? <p role="alert" className="text-rose-700">{toggle.error.message}</p> : null}
    </div>
  );
}
