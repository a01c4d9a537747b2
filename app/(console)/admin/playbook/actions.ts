"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction } from "@/lib/actions";
import { PlaybookSave, savePlaybook } from "@/lib/services/playbooks";

/** Saves an admin's edit of a vertical's objection playbook as its next version. */
export async function savePlaybookAction(input: z.input<typeof PlaybookSave>) {
  return runAction("admin", "admin", PlaybookSave, input, async (user, edit) => {
    const saved = await savePlaybook(user, edit);
    revalidatePath("/admin/playbook");
    return saved;
  });
}
