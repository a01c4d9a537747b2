import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** email_reply's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** The longest part of the contact's message that goes into the brief (fenced as untrusted). */
  maxInboundChars: z.number().int().min(200).max(4_000).default(4_000),
  /** Memories the brief may carry (it holds at most ten). */
  maxMemories: z.number().int().min(0).max(10).default(10),
});
export type ReplyConfig = ReturnType<typeof resolveConfig>;
