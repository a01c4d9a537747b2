import type { ChatMessage } from "@/lib/llm/types";
import { fenceUntrusted } from "@/lib/safety/fence";
import type { ContactSnapshot, History } from "./state";

/** Bump on any change to the prompts below. */
export const PROMPT_VERSION = "email-orchestrator-v1-2026-11";

function signals(snapshot: ContactSnapshot, history: History): string {
  return [
    `Contact: ${snapshot.contact.title ?? "unknown title"} (${snapshot.contact.seniority ?? "unknown seniority"}) at ${snapshot.company.name}, ${snapshot.company.vertical}.`,
    `Outbound emails so far: ${history.outboundCount}. Unanswered message from the contact: ${history.unansweredInbound ? "yes" : "no"}.`,
    fenceUntrusted("company facts", snapshot.facts.map((f) => `- ${f.fact}`).join("\n") || "(none)"),
  ].join("\n");
}

export function planMessages(snapshot: ContactSnapshot, history: History): ChatMessage[] {
  return [
    {
      role: "system",
      content: 'You plan the next steps for a sales email assistant. Choose, in order, from exactly these tasks: "qualify", "analyze_opportunity", "compose", "skip". Answer with JSON only: {"tasks": [...]}',
    },
    { role: "user", content: signals(snapshot, history) },
  ];
}

export function roleMessages(snapshot: ContactSnapshot, history: History): ChatMessage[] {
  return [
    {
      role: "system",
      content: 'Pick the roles needed to write this email, from exactly: "researcher" (use company facts), "composer" (write), "reviewer" (review and revise). Answer with JSON only: {"roles": [...]}',
    },
    { role: "user", content: signals(snapshot, history) },
  ];
}
