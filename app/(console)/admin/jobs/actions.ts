"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { retryJobFor } from "@/lib/services/jobs";

const RetryInput = z.object({ jobId: z.number({ error: "Say which job to retry." }).int("Say which job to retry.").positive("Say which job to retry.") });

/** Makes a failed or dead job due now with a fresh set of attempts. */
export async function retryJobAction(input: z.input<typeof RetryInput>) {
  return runAction("admin", "admin", RetryInput, input, async (user, { jobId }) => {
    const retried = await retryJobFor(user, jobId);
    revalidatePath("/admin/jobs");
    return retried;
  });
}
