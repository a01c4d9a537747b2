"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { AutonomyInput, setPlanAutonomy } from "@/lib/services/plan-autonomy";

/** Sets how much a plan may do without a person, for plans made from now on. */
export async function setPlanAutonomyAction(input: unknown) {
  return runAction("admin", "admin", AutonomyInput, input, async (user, { level }) => {
    const result = await setPlanAutonomy(user, level);
    revalidatePath("/admin");
    return result;
  });
}
