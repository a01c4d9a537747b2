"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { handleObjection, ObjectionRequest } from "@/lib/services/objections";

/** "Handle objection" on a contact's inbound email or a rep's note: drafts a grounded reply into the rep's queue. */
export async function handleObjectionAction(input: ObjectionRequest) {
  return runAction("contacts", "rep", ObjectionRequest, input, async (user, request) => {
    const result = await handleObjection({ user }, request);
    if (result.status === "drafted") revalidatePath("/drafts");
    return { result };
  });
}
