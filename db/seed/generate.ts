import type { Seniority, Vertical } from "../schema";
import { CAMPAIGNS, type CampaignSeed } from "./campaigns";
import { GLOBAL, GLOBAL_SHARE, NAMES, REGION_OF_COUNTRY } from "./names";
import type { Prng } from "./prng";
import {
  COUNTRY_TLD, DEPARTMENTS, DOMAIN_DROPS, FACT_SOURCES, FACTS, LOCATIONS, NAME_CORES, NAME_PREFIXES, NAME_SUFFIXES,
  REPLY_LABELS, SAAS_TLDS, SENIORITY_WEIGHTS, SIZES, SUBJECTS, TITLES, TOOLS, VERTICAL_PEERS, VERTICAL_WEIGHTS,
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
  /** The department as it reads inside a sentence ("IT", "revenue operations"). */
  departmentPhrase: string;
  ownerIndex: number;
  doNotContact: boolean;
  /** Added in the last three weeks and not yet emailed: every CRM has leads nobody has written to. */
  newLead: boolean;
  createdAt: number;
};

/** Share of contacts that are new leads, never emailed. */
export const NEW_LEAD_SHARE = 0.15;

const slugOf = (text: string) => text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");

/**
 * A domain a company of this name could own: mostly the name without its generic last word
 * ("Northwave Health" → northwave.com), the country's TLD for many companies outside the US,
 * .io or .ai for some SaaS companies; the full name, then a hyphen, when that is taken.
 */
function domainFor(prng: Prng, name: string, vertical: Vertical, country: string, taken: Set<string>): string {
  const words = name.split(" ");
  const last = words.slice(1).join(" ").toLowerCase();
  const short = slugOf(words[0]!);
  const tld = vertical === "saas" ? prng.weighted(SAAS_TLDS) : COUNTRY_TLD[country] && prng.chance(0.6) ? COUNTRY_TLD[country]! : "com";
  const candidates = [
    ...(last === "" || DOMAIN_DROPS.has(last) ? [`${short}.${tld}`] : []),
    `${slugOf(name)}.${tld}`,
    `${words.map(slugOf).filter(Boolean).join("-")}.${tld}`,
    `${vertical === "saas" ? "get" : "the"}${slugOf(name)}.com`,
  ];
  const domain = candidates.find((d) => !taken.has(d)) ?? `${slugOf(name)}${taken.size}.${tld}`;
  taken.add(domain);
  return domain;
}

export function buildCompanies(prng: Prng, count: number, anchor: number): CompanySeed[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const companies: CompanySeed[] = [];
  for (let id = 1; id <= count; id++) {
    const vertical = prng.weighted(VERTICAL_WEIGHTS);
    let name = "";
    for (let attempt = 0; !name || names.has(name); attempt++) {
      const base = prng.pick(NAME_PREFIXES) + prng.pick(NAME_CORES) + prng.pick(NAME_SUFFIXES[vertical]);
      name = attempt < 8 ? base : `${base} ${Math.floor(attempt / 8) + 1}`;
    }
    names.add(name);
    const [size, , min, max] = prng.weighted(SIZES.map((s) => [s, s[1]] as const));
    const [country, hqCity] = prng.pick(LOCATIONS);
    companies.push({
      id,
      name,
      domain: domainFor(prng, name, vertical, country, domains),
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

/** Letters NFD does not take apart, for email addresses. */
const ASCII: Record<string, string> = { "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d" };
const localPart = (first: string, last: string) =>
  `${first}.${last}`.toLowerCase().replace(/[łøæßđ]/g, (c) => ASCII[c]!).normalize("NFD").replace(/[^a-z.]/g, "");

/**
 * How many contacts each company gets: bigger companies more, with some spread, at least one
 * each, summing to `count` (largest remainders, so it is exact and deterministic).
 */
function contactsPerCompany(prng: Prng, companies: CompanySeed[], count: number): number[] {
  const weights = companies.map((c) => Math.log10(c.employeeCount + 10) * (0.4 + prng.next() * 1.2));
  const spare = Math.max(0, count - companies.length);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (w / total) * spare);
  const counts = exact.map((x) => 1 + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = count - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k % order.length]![1]]!++;
  return counts;
}

export function buildContacts(prng: Prng, companies: CompanySeed[], count: number, owners: number, anchor: number): ContactSeed[] {
  const contacts: ContactSeed[] = [];
  const emails = new Set<string>();
  const people = new Set<string>();
  const perCompany = count >= companies.length ? contactsPerCompany(prng, companies, count) : companies.map((_, i) => (i < count ? 1 : 0));
  let id = 0;
  companies.forEach((company, index) => {
    const region = NAMES[REGION_OF_COUNTRY[company.country] ?? "anglo"];
    for (let n = 0; n < perCompany[index]!; n++) {
      id++;
      // Mostly the region's names; some colleagues from everywhere, some families of mixed origin.
      const global = prng.chance(GLOBAL_SHARE);
      const lastName = prng.pick(prng.chance(global ? 0.6 : 0.08) ? GLOBAL.last : region.last);
      // Two people of the same full name are rare in one CRM: a few tries for a first name not yet taken.
      let firstName = prng.pick(global ? GLOBAL.first : region.first);
      for (let tries = 0; tries < 3 && people.has(`${firstName} ${lastName}`); tries++) firstName = prng.pick(global ? GLOBAL.first : region.first);
      people.add(`${firstName} ${lastName}`);
      const local = localPart(firstName, lastName);
      let email = `${local}@${company.domain}`;
      for (let k = 2; emails.has(email); k++) email = `${local}${k}@${company.domain}`;
      emails.add(email);
      const seniority = prng.weighted(SENIORITY_WEIGHTS);
      const [department, departmentPhrase] = prng.pick(DEPARTMENTS);
      const newLead = prng.chance(NEW_LEAD_SHARE);
      contacts.push({
        id,
        company,
        firstName,
        lastName,
        email,
        title: prng.pick(TITLES[seniority]).replace("{d}", department),
        seniority,
        department,
        departmentPhrase,
        ownerIndex: company.id % owners,
        doNotContact: prng.chance(0.015),
        newLead,
        createdAt: newLead ? anchor - prng.int(1, 21) * DAY : anchor - prng.int(100, 400) * DAY,
      });
    }
  });
  return contacts;
}

/** The campaigns a contact may be enrolled in, its vertical's own first, then the shared ones (ids, 1-based). */
export function campaignsFor(contact: ContactSeed): number[] {
  const fitting = CAMPAIGNS.map((c, i) => [c, i + 1] as const).filter(([c]) => c.fits.includes(contact.company.vertical));
  return [...fitting.filter(([c]) => c.vertical !== null), ...fitting.filter(([c]) => c.vertical === null)].map(([, id]) => id);
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
    const hook = fact ? `I noticed this about ${contact.company.name}: "${fact}."` : `I have been following ${contact.company.name} for a while.`;
    return `${hello}\n\n${hook} ${campaign.angle} is what we help ${contact.departmentPhrase} teams with.\n\nWould a 15-minute call next week be useful?\n\n${sign}`;
  }
  return `${hello}\n\nFollowing up on my note about ${campaign.angle.charAt(0).toLowerCase()}${campaign.angle.slice(1)}. Happy to share how other ${VERTICAL_PEERS[contact.company.vertical]} approached it.\n\nIs it worth a short conversation?\n\n${sign}`;
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
  // Most sequences run their whole cadence; a rep stops some early.
  const touches = Math.min(prng.chance(0.8) ? campaign.cadenceDays.length : prng.int(1, campaign.cadenceDays.length), budget);
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
    if (email.openedAt && emails.length < budget && prng.chance(0.06)) {
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
