"use client";
import { useEffect, useState } from "react";

/** Seconds left until `at` (never below 0), ticking while mounted. */
export function useSecondsLeft(at: Date | string | number | null): number {
  const target = at === null ? null : new Date(at).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (target === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [target]);
  return target === null ? 0 : Math.max(0, Math.ceil((target - now) / 1_000));
}

/** "sending in 18 s", then "sending now" once the window has passed. */
export function SendingIn({ at }: { at: Date | string | number }) {
  const left = useSecondsLeft(at);
  return <>{left > 0 ? `sending in ${left} s` : "sending now"}</>;
}
