import type { StubHandler, StubRequest } from "../lib/llm/testing/stub-server";

/**
 * The e2e model: answers the email graphs' prompts (graphs/email-orchestrator/prompts.ts,
 * graphs/email-compose/prompts.ts) the way a well-behaved model would, with valid JSON grounded in
 * the brief it was given. Any other prompt gets a 500, so a spec that strays shows up as a failed
 * model call instead of a made-up answer.
 */
export const emailGraphsModel: StubHandler = (body) => {
  const system = text(body, "system");
  const user = text(body, "user");
  if (system.startsWith("You plan the next steps")) return { content: JSON.stringify({ tasks: ["qualify", "analyze_opportunity", "compose"] }) };
  if (system.startsWith("Pick the roles")) return { content: JSON.stringify({ roles: ["researcher", "composer", "reviewer"] }) };
  if (system.includes("You are now reviewing a draft")) return { content: JSON.stringify({ verdict: "ok" }) };
  if (system.startsWith("You write short B2B sales emails")) return { content: JSON.stringify(draftFor(user)) };
  return { status: 500, content: "the e2e model stub does not know this prompt" };
};

function text(body: StubRequest, role: string): string {
  const message = body.messages.find((m) => m.role === role);
  return typeof message?.content === "string" ? message.content : "";
}

/** A short email from the brief's "Recipient: First Last, Title at Company (…)" and "Sender: Name" lines. */
function draftFor(brief: string) {
  const recipient = /^Recipient: (\S+)[^\n]* at ([^\n(]+?) \(/m.exec(brief);
  const sender = /^Sender: (.+)$/m.exec(brief)?.[1] ?? "The sales team";
  const [firstName, company] = [recipient?.[1] ?? "there", recipient?.[2] ?? "your team"];
  return {
    subject: `A quicker pipeline for ${company}`,
    body: `Hi ${firstName},\n\nTeams like yours at ${company} spend hours a week on manual pipeline work. We help them get that time back without changing their tools.\n\nWould a 20-minute call next week be useful?\n\nBest,\n${sender}`,
  };
}
