import { attributeTouches } from "@/lib/analytics/attribution";
import { scopeOf, type AttributionStateType } from "../state";

/** Last-touch attribution over every conversion in scope: the deterministic answer, always computed. */
export async function lastTouch(state: AttributionStateType): Promise<Partial<AttributionStateType>> {
  return { lastTouch: await attributeTouches(scopeOf(state)) };
}
