import type { Seniority, Vertical } from "../schema";
import { VERTICALS } from "../schema";
import type { Prng } from "./prng";
import {
  CAMPAIGNS, DEPARTMENTS, FACT_SOURCES, FACTS, FIRST_NAMES, LAST_NAMES, LOCATIONS, NAME_CORES,
  NAME_PREFIXES, NAME_SUFFIXES, REPLY_LABELS, SENIORITY_WEIGHTS, SIZES, SUBJECTS, TITLES, TOOLS,
  VERTICAL_TLD, type CampaignSeed,
} from "./vocabulary";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type CompanySeed = {
  id: number;
  name: string;
  domain: string;
  vertical: Vertical;
  size: string;
  employeeCount: number;
  country: string;
  hqCity: string;
  enrichedAt: number | null;
};

export type ContactSeed = {
  id: number;
  company: CompanySeed;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  seniority: Seniority;
  department: string;
  ownerIndex: number;
  doNotContact: boolean;
};

export function buildCompanies(prng: Prng, count: number, anchor: number): CompanySeed[] {
  const names = new Set<string>();
  const companies: CompanySeed[] = [];
  for (let id = 1; id <= count; id++) {
    const vertical = VERTICALS[(id - 1) % VERTICALS.length] as Vertical;
    let name = "";
    for (let attempt = 0; !name || names.has(name); attempt++) {
      const base = prng.pick(NAME_PREFIXES) + prng.pick(NAME_CORES) + prng.pick(NAME_SUFFIXES[vertical]);
      name = attempt < 8 ? base : `${base} ${Math.floor(attempt / 8) + 1}`;
    }
    names.add(name);
    const [size, , min, max] = prng.weighted(SIZES.map((s) => [s, s[1]] as const));
    const [country, hqCity] = prng.pick(LOCATIONS);
    const slug = name.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");
    companies.push({
      id,
      name,
      domain: `${slug}.${VERTICAL_TLD[vertical]}`,
      vertical,
      size,
      employeeCount: prng.int(min, max),
      country,
      hqCity,
      enrichedAt: prng.chance(0.85) ? anchor - prng.int(1, 120) * DAY : null,
    });
  }
  return companies;
}

export type FactSeed = { fact: string; source: string; confidence: number; observedAt: number };

export function buildFacts(prng: Prng, company: CompanySeed, anchor: number): FactSeed[] {
  const templates = [...FACTS[company.vertical]];
  const count = prng.int(3, Math.min(8, templates.length));
  const facts: FactSeed[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates.splice(prng.int(0, templates.length - 1), 1)[0] as string;
    const fact = template
      .replace("{n}", String(prng.int(3, 60)))
      .replace("{round}", prng.pick(["A", "B", "C", "D"]))
      .replace("{city}", prng.pick(LOCATIONS)[1])
      .replace("{tool}", prng.pick(TOOLS[company.vertical]));
    const source = prng.pick(FACT_SOURCES);
    facts.push({
      fact,
      source: source === "company_website" ? `https://${company.domain}/news` : source,
      confidence: Math.round((0.55 + prng.next() * 0.44) * 100) / 100,
      observedAt: anchor - prng.int(1, 180) * DAY,
    });
  }
  return facts;
}

export function buildContacts(prng: Prng, companies: CompanySeed[], count: number, owners: number): ContactSeed[] {
  const contacts: ContactSeed[] = [];
  const emails = new Set<string>();
  for (let id = 1; id <= count; id++) {
    // Most companies get their share in order; a random company per contact would leave some empty.
    const company = companies[Math.floor(((id - 1) * companies.length) / count)] as CompanySeed;
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    const local = `${firstName}.${lastName}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "");
    let email = `${local}@${company.domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${company.domain}`;
    emails.add(email);
    const seniority = prng.weighted(SENIORITY_WEIGHTS);
    const department = prng.pick(DEPARTMENTS);
    contacts.push({
      id,
      company,
      firstName,
      lastName,
      email,
      title: prng.pick(TITLES[seniority]).replace("{d}", department),
      seniority,
      department,
      ownerIndex: company.id % owners,
      doNotContact: prng.chance(0.015),
    });
  }
  return contacts;
}

export function campaignFor(contact: ContactSeed): number {
  const index = CAMPAIGNS.findIndex((c) => c.vertical === contact.company.vertical);
  // Verticals without their own campaign (logistics, retail) go to the general one.
  return (index >= 0 ? index : CAMPAIGNS.findIndex((c) => c.vertical === null)) + 1;
}

export type EmailSeed = {
  direction: "outbound" | "inbound";
  threadId: string;
  messageId: string;
  inReplyTo: string | null;
  subject: string;
  body: string;
  step: number | null;
  sentAt: number;
  openedAt: number | null;
  repliedAt: number | null;
  bouncedAt: number | null;
};

export type Conversation = {
  emails: EmailSeed[];
  reply: { label: string; polarity: "positive" | "negative" | "neutral"; at: number } | null;
  bounced: boolean;
  nextWakeAt: number | null;
  touches: number;
};

function outboundBody(contact: ContactSeed, campaign: CampaignSeed, fact: string | undefined, step: number, rep: string): string {
  const hello = `Hi ${contact.firstName},`;
  const sign = `Best,\n${rep}`;
  if (step === 1) {
    const hook = fact ? `I saw that ${contact.company.name} ${fact.charAt(0).toLowerCase()}${fact.slice(1)}.` : `I have been following ${contact.company.name}.`;
    return `${hello}\n\n${hook} ${campaign.angle} is what we help ${contact.department.toLowerCase()} teams with.\n\nWould a 15-minute call next week be useful?\n\n${sign}`;
  }
  return `${hello}\n\nFollowing up on my note about ${campaign.angle.toLowerCase()}. Happy to share how similar ${contact.company.vertical} teams approached it.\n\nIs it worth a short conversation?\n\n${sign}`;
}

/** One contact's history with its campaign: touches on the cadence, opens, at most one reply or bounce. */
export function buildConversation(
  prng: Prng,
  contact: ContactSeed,
  campaignId: number,
  fact: string | undefined,
  rep: string,
  anchor: number,
  budget: number,
): Conversation {
  const campaign = CAMPAIGNS[campaignId - 1] as CampaignSeed;
  const threadId = `seed-${campaignId}-${contact.id}`;
  const emails: EmailSeed[] = [];
  const touches = Math.min(prng.int(1, campaign.cadenceDays.length), budget);
  let at = anchor - prng.int(2, 90) * DAY + prng.int(8, 17) * HOUR;
  let firstSubject = "";
  for (let step = 1; step <= touches; step++) {
    if (step > 1) at += (campaign.cadenceDays[step - 1] ?? 7) * DAY;
    if (at >= anchor) return { emails, reply: null, bounced: false, nextWakeAt: at, touches: step - 1 };
    let subject =
      step === 1
        ? prng.pick(SUBJECTS)
            .replace("{company}", contact.company.name)
            .replace("{first}", contact.firstName)
            .replace("{topic}", campaign.name)
        : `Re: ${firstSubject}`;
    if (step === 1) firstSubject = subject = subject.charAt(0).toUpperCase() + subject.slice(1);
    const messageId = `<${threadId}-${step}@mail.sales-console.local>`;
    const email: EmailSeed = {
      direction: "outbound",
      threadId,
      messageId,
      inReplyTo: emails.length ? (emails[emails.length - 1] as EmailSeed).messageId : null,
      subject,
      body: outboundBody(contact, campaign, fact, step, rep),
      step,
      sentAt: at,
      openedAt: null,
      repliedAt: null,
      bouncedAt: null,
    };
    emails.push(email);
    if (step === 1 && prng.chance(0.03)) {
      email.bouncedAt = at + prng.int(1, 30) * 60_000;
      return { emails, reply: null, bounced: true, nextWakeAt: null, touches: step };
    }
    if (prng.chance(0.48)) email.openedAt = Math.min(anchor - 1, at + prng.int(1, 48) * HOUR);
    if (email.openedAt && emails.length < budget && prng.chance(0.08)) {
      const [label, , polarity, text] = prng.weighted(REPLY_LABELS.map((r) => [r, r[1]] as const));
      const replyAt = Math.min(anchor - 1, email.openedAt + prng.int(1, 72) * HOUR);
      email.repliedAt = replyAt;
      emails.push({
        direction: "inbound",
        threadId,
        messageId: `<${threadId}-${step}-reply@${contact.company.domain}>`,
        inReplyTo: messageId,
        subject: `Re: ${firstSubject}`,
        body: `${text}\n\n${contact.firstName} ${contact.lastName}\n${contact.title}, ${contact.company.name}`,
        step: null,
        sentAt: replyAt,
        openedAt: null,
        repliedAt: null,
        bouncedAt: null,
      });
      return { emails, reply: { label, polarity, at: replyAt }, bounced: false, nextWakeAt: null, touches: step };
    }
  }
  const nextGap = campaign.cadenceDays[touches];
  return { emails, reply: null, bounced: false, nextWakeAt: nextGap === undefined ? null : at + nextGap * DAY, touches };
}
