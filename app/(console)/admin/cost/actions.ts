"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { GraphBudgetInput, GraphBudgetResetInput, resetGraphBudget, setGraphBudget, setKillSwitch } from "@/lib/services/model-controls";

const KillSwitchInput = z.object({ enabled: z.boolean({ error: "Say whether model calls are switched off." }) });

/** Flips the model kill switch; the gateway picks it up within a second. */
export async function setKillSwitchAction(input: z.input<typeof KillSwitchInput>) {
  return runAction("admin", "admin", KillSwitchInput, input, async (user, { enabled }) => {
    await setKillSwitch(user, enabled);
    revalidatePath("/admin/cost");
    return { enabled };
  });
}

/** Sets one graph's daily model budget in USD. */
export async function setGraphBudgetAction(input: z.input<typeof GraphBudgetInput>) {
  return runAction("admin", "admin", GraphBudgetInput, input, async (user, { graph, usd }) => {
    const change = await setGraphBudget(user, graph, usd);
    // The budget banner sits in the console layout, so every page's view of it changes.
    revalidatePath("/", "layout");
    return change;
  });
}

/** Gives one graph back the default daily budget (LLM_DAILY_BUDGET_USD). */
export async function resetGraphBudgetAction(input: z.input<typeof GraphBudgetResetInput>) {
  return runAction("admin", "admin", GraphBudgetResetInput, input, async (user, { graph }) => {
    const change = await resetGraphBudget(user, graph);
    revalidatePath("/", "layout");
    return change;
  });
}
