"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { classifyCompanyCountry } from "@/lib/services/geo";

const ClassifyInput = z.object({ companyId: z.number({ error: "Say which company to classify." }).int("Say which company to classify.").positive("Say which company to classify.") }).strict();

/** Runs country_classify on the company's HQ city and stores the answer (operators and admins). */
export async function classifyCountryAction(input: z.input<typeof ClassifyInput>) {
  return runAction("companies", "operator", ClassifyInput, input, async (user, { companyId }) => {
    const result = await classifyCompanyCountry(user, companyId);
    revalidatePath(`/companies/${companyId}`);
    return result;
  });
}
