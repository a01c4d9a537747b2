import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attributeTouches } from "./attribution";
import { CATALOGUE } from "./catalogue";
import { funnel, FUNNEL_STAGES, runReport, type FunnelStage } from "./reports";
import { seededAnalyticsDatabase } from "./testing";

type Raw = Record<string, unknown>;
let db: Awaited<ReturnType<typeof seededAnalyticsDatabase>>;
let companies: Raw[], contacts: Raw[], emails: Raw[], outcomes: Raw[], enrollments: Raw[], campaigns: Raw[], facts: Raw[];

// Independent figures come from raw rows and plain JavaScript, not from SQL shaped like the report's.
async function rows(sql: string): Promise<Raw[]> {
  const result = await db.database.$client.execute(sql);
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
}
const POSITIVE = new Set(["interested", "meeting_scheduled"]);
const by = <T,>(items: T[], key: (item: T) => string | number) => items.reduce((map, item) => map.set(key(item), [...(map.get(key(item)) ?? []), item]), new Map<string | number, T[]>());

beforeAll(async () => {
  db = await seededAnalyticsDatabase("analytics-reports");
  [companies, contacts, emails, outcomes, enrollments, campaigns, facts] = (await Promise.all(
    ["companies", "contacts", "emails", "outcomes", "campaign_enrollments", "email_campaigns", "company_facts"].map((t) => rows(`SELECT * FROM ${t}`)),
  )) as [Raw[], Raw[], Raw[], Raw[], Raw[], Raw[], Raw[]];
});
afterAll(() => db.cleanup());

describe("the funnel", () => {
  it("per vertical matches counts computed from raw rows", async () => {
    const company = new Map(companies.map((c) => [c.id, c]));
    const mail = by(emails, (e) => Number(e.contact_id));
    const positive = new Set(outcomes.filter((o) => POSITIVE.has(String(o.label))).map((o) => Number(o.contact_id)));
    const expected = new Map<string, Record<FunnelStage, number>>();
    for (const c of contacts) {
      const vertical = String(company.get(c.company_id)!.vertical);
      const own = mail.get(Number(c.id)) ?? [];
      const counts = expected.get(vertical) ?? { discovered: 0, enriched: 0, contacted: 0, opened: 0, replied: 0, converted: 0 };
      counts.discovered++;
      // Each stage needs every stage before it.
      const enriched = company.get(c.company_id)!.enriched_at != null;
      const contacted = enriched && own.some((e) => e.direction === "outbound");
      const converted = contacted && positive.has(Number(c.id));
      const replied = contacted && (Number(c.replied) === 1 || own.some((e) => e.direction === "inbound") || converted);
      const opened = contacted && (own.some((e) => e.direction === "outbound" && e.opened_at != null) || replied);
      counts.enriched += Number(enriched);
      counts.contacted += Number(contacted);
      counts.opened += Number(opened);
      counts.replied += Number(replied);
      counts.converted += Number(converted);
      expected.set(vertical, counts);
    }
    const result = await funnel({ by: "vertical" }, { url: db.url });
    expect(result.map((r) => r.key)).toEqual([...expected.keys()].sort());
    for (const row of result) {
      expect(row.counts, row.key).toEqual(expected.get(row.key));
      expect(row.rates.enriched).toBeCloseTo(row.counts.enriched / row.counts.discovered);
      expect(row.overall).toBeCloseTo(row.counts.converted / row.counts.discovered);
    }
    expect(result.some((r) => r.counts.converted > 0)).toBe(true);
    // A true funnel: no stage exceeds the one before it.
    for (const row of result) for (const [i, stage] of FUNNEL_STAGES.slice(1).entries()) expect(row.counts[stage], `${row.key} ${stage}`).toBeLessThanOrEqual(row.counts[FUNNEL_STAGES[i]!]);
    const [saas] = await funnel({ by: "vertical", vertical: "saas" }, { url: db.url });
    expect(saas).toEqual(result.find((r) => r.key === "saas"));
  });

  it("per campaign matches counts computed from raw rows", async () => {
    const company = new Map(companies.map((c) => [c.id, c]));
    const contact = new Map(contacts.map((c) => [c.id, c]));
    const mail = by(emails, (e) => `${e.campaign_id}:${e.contact_id}`);
    const email = new Map(emails.map((e) => [e.id, e]));
    const converted = new Set(outcomes.filter((o) => POSITIVE.has(String(o.label)) && email.get(o.email_id)).map((o) => `${email.get(o.email_id)!.campaign_id}:${o.contact_id}`));
    const result = await funnel({ by: "campaign" }, { url: db.url });
    expect(result.length).toBe(campaigns.length);
    for (const row of result) {
      const enrolled = enrollments.filter((e) => Number(e.campaign_id) === row.campaignId);
      const own = (e: Raw) => mail.get(`${e.campaign_id}:${e.contact_id}`) ?? [];
      const enriched = enrolled.filter((e) => company.get(contact.get(e.contact_id)!.company_id)!.enriched_at != null);
      const contacted = enriched.filter((e) => own(e).some((m) => m.direction === "outbound"));
      const conv = (e: Raw) => converted.has(`${e.campaign_id}:${e.contact_id}`);
      const replied = contacted.filter((e) => e.status === "replied" || own(e).some((m) => m.direction === "inbound") || conv(e));
      const opened = contacted.filter((e) => own(e).some((m) => m.direction === "outbound" && m.opened_at != null) || replied.includes(e));
      expect(row.counts, row.key).toEqual({
        discovered: enrolled.length,
        enriched: enriched.length,
        contacted: contacted.length,
        opened: opened.length,
        replied: replied.length,
        converted: contacted.filter(conv).length,
      });
    }
    const last = result.at(-1)!;
    expect(await funnel({ by: "campaign", campaignId: last.campaignId! }, { url: db.url })).toEqual([last]);
  });
});

describe("the catalogue", () => {
  it("runs every report within the row cap", async () => {
    for (const report of CATALOGUE) {
      const { rows: result } = await runReport(report.id, { url: db.url });
      expect(result.length, report.id).toBeGreaterThan(0);
      expect(result.length).toBeLessThanOrEqual(50);
    }
  });

  it("gives the same numbers as raw rows for seven reports", async () => {
    const company = new Map(companies.map((c) => [c.id, c]));
    const contact = new Map(contacts.map((c) => [c.id, c]));
    const email = new Map(emails.map((e) => [e.id, e]));
    const get = async (id: string) => (await runReport(id, { url: db.url })).rows;
    const count = <T,>(items: T[], key: (item: T) => string) => Object.fromEntries([...by(items, key)].map(([k, v]) => [k, v.length]));
    const asMap = (result: Raw[], key: string, value: string) => Object.fromEntries(result.map((r) => [String(r[key]), Number(r[value])]));

    const name = new Map(campaigns.map((c) => [c.id, String(c.name)]));
    expect(asMap(await get("replies_by_campaign"), "campaign", "replies")).toEqual(count(emails.filter((e) => e.direction === "inbound" && e.campaign_id != null), (e) => name.get(e.campaign_id)!));
    expect(asMap(await get("contacts_by_country"), "country", "contacts")).toEqual(count(contacts, (c) => String(company.get(c.company_id)!.country ?? "unknown")));
    expect(asMap(await get("outcomes_by_label"), "label", "outcomes")).toEqual(count(outcomes, (o) => String(o.label)));
    expect(asMap(await get("unsubscribes_by_campaign"), "campaign", "unsubscribes")).toEqual(count(outcomes.filter((o) => o.label === "unsubscribe"), (o) => name.get(email.get(o.email_id)!.campaign_id)!));

    const emailed = new Set(emails.filter((e) => e.direction === "outbound").map((e) => Number(e.contact_id)));
    const seniority = await get("reply_rate_by_seniority");
    const contacted = contacts.filter((c) => emailed.has(Number(c.id)));
    expect(asMap(seniority, "seniority", "contacted")).toEqual(count(contacted, (c) => String(c.seniority ?? "unknown")));
    expect(asMap(seniority, "seniority", "replied")).toEqual(count(contacted.filter((c) => Number(c.replied) === 1), (c) => String(c.seniority ?? "unknown")));

    const outbound = emails.filter((e) => e.direction === "outbound");
    const vertical = (e: Raw) => String(company.get(contact.get(e.contact_id)!.company_id)!.vertical);
    const openRate = await get("open_rate_by_vertical");
    expect(asMap(openRate, "vertical", "sent")).toEqual(count(outbound, vertical));
    expect(asMap(openRate, "vertical", "opened")).toEqual(count(outbound.filter((e) => e.opened_at != null), vertical));

    const since = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 29 * 86_400_000;
    const day = (e: Raw) => new Date(Number(e.sent_at)).toISOString().slice(0, 10);
    const perDay = await get("emails_per_day_30d");
    expect(asMap(perDay.filter((r) => Number(r.sent) > 0), "day", "sent")).toEqual(count(outbound.filter((e) => Number(e.sent_at) >= since), day));
    expect(perDay.length).toBe(30);

    const coverage = await get("facts_coverage_by_vertical");
    const withFacts = new Set(facts.map((f) => Number(f.company_id)));
    expect(asMap(coverage, "vertical", "with_facts")).toEqual(count(companies.filter((c) => withFacts.has(Number(c.id))), (c) => String(c.vertical)));
  });
});

describe("last-touch attribution", () => {
  it("credits each conversion to the last outbound email before the positive reply", async () => {
    const mail = by(emails, (e) => Number(e.contact_id));
    const email = new Map(emails.map((e) => [e.id, e]));
    const credited = outcomes.filter((o) => POSITIVE.has(String(o.label))).map((o) => {
      const at = Number(email.get(o.email_id)?.sent_at ?? o.at);
      const before = (mail.get(Number(o.contact_id)) ?? []).filter((e) => e.direction === "outbound" && Number(e.sent_at) <= at);
      before.sort((a, b) => Number(b.sent_at) - Number(a.sent_at) || Number(b.id) - Number(a.id));
      return { outcome: o, touch: before[0] };
    });
    for (const campaign of campaigns) {
      const mine = credited.filter((c) => c.touch && c.touch.campaign_id === campaign.id);
      const result = await attributeTouches({ campaignId: Number(campaign.id) }, { url: db.url });
      expect(result.model).toBe("last-touch");
      expect(result.total, String(campaign.name)).toBe(mine.length);
      const steps = Object.fromEntries([...by(mine, (c) => String(c.touch!.step))].map(([k, v]) => [k, v.length]));
      expect(Object.fromEntries(result.byStep.map((s) => [String(s.step), s.conversions]))).toEqual(steps);
    }
    const sample = credited.find((c) => c.touch)!;
    const forContact = await attributeTouches({ contactId: Number(sample.outcome.contact_id) }, { url: db.url });
    expect(forContact.conversions.find((c) => c.outcomeId === Number(sample.outcome.id))?.credited?.emailId).toBe(Number(sample.touch!.id));
  });
});
