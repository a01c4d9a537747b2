import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeQuery, rowObjects } from "../executor";
import { seededAnalyticsDatabase } from "../testing";
import { readOffline } from ".";

type Raw = Record<string, unknown>;
let db: Awaited<ReturnType<typeof seededAnalyticsDatabase>>;
let companies: Raw[], contacts: Raw[], emails: Raw[], outcomes: Raw[], campaigns: Raw[];
const NOW = Date.now();
const DAY = 86_400_000;

async function rows(sql: string): Promise<Raw[]> {
  const result = await db.database.$client.execute(sql);
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
}

/** The question's answer through the same gate and read-only path as any query. */
async function answer(question: string): Promise<Raw[]> {
  const reading = readOffline(question, NOW);
  if (reading.kind === "not_understood") throw new Error(reading.message);
  const result = await executeQuery(reading.sql, { url: db.url, maxRows: 200 });
  if (!result.ok) throw new Error(`${result.kind}: ${result.error}\n${reading.sql}`);
  return rowObjects(result);
}

const count = <T,>(items: T[], key: (item: T) => string) => items.reduce((m, i) => m.set(key(i), (m.get(key(i)) ?? 0) + 1), new Map<string, number>());

beforeAll(async () => {
  db = await seededAnalyticsDatabase("analytics-metrics");
  [companies, contacts, emails, outcomes, campaigns] = (await Promise.all(
    ["companies", "contacts", "emails", "outcomes", "email_campaigns"].map((t) => rows(`SELECT * FROM ${t}`)),
  )) as [Raw[], Raw[], Raw[], Raw[], Raw[]];
});
afterAll(() => db.cleanup());

// Independent figures come from raw rows and plain JavaScript, not from SQL shaped like the layer's.
describe("the metrics layer's answers", () => {
  const company = () => new Map(companies.map((c) => [c.id, c]));
  const contact = () => new Map(contacts.map((c) => [c.id, c]));
  const verticalOf = (e: Raw) => String(company().get(contact().get(e.contact_id)!.company_id)!.vertical);

  it("reply rate by vertical over the last 30 days counts only those days' emails", async () => {
    const since = Math.floor(NOW / DAY) * DAY - 29 * DAY;
    const recent = emails.filter((e) => Number(e.sent_at) >= since);
    const sent = count(recent.filter((e) => e.direction === "outbound"), verticalOf);
    const replies = count(recent.filter((e) => e.direction === "inbound"), verticalOf);
    const result = await answer("reply rate by vertical last 30 days");
    expect(result.length).toBe(new Set(recent.map(verticalOf)).size);
    for (const row of result) {
      const v = String(row.vertical);
      expect(row, v).toMatchObject({ sent: sent.get(v) ?? 0, replies: replies.get(v) ?? 0 });
      expect(row.reply_rate_pct).toBeCloseTo(Math.round((1000 * (replies.get(v) ?? 0)) / (sent.get(v) ?? 1)) / 10, 5);
    }
    // Highest rate first.
    const rates = result.map((r) => Number(r.reply_rate_pct));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it("top 10 companies by replies are the ten with the most inbound emails, all time", async () => {
    const byCompany = count(emails.filter((e) => e.direction === "inbound"), (e) => String(contact().get(e.contact_id)!.company_id));
    const expected = [...byCompany.values()].sort((a, b) => b - a).slice(0, 10);
    const result = await answer("top 10 companies by replies");
    expect(result).toHaveLength(10);
    expect(result.map((r) => Number(r.replies))).toEqual(expected);
  });

  it("emails sent per week counts outbound emails in each calendar week", async () => {
    const week = (t: number) => {
      const d = new Date(t);
      const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
      const firstMonday = jan1 + ((8 - new Date(jan1).getUTCDay()) % 7) * DAY;
      const n = t < firstMonday ? 0 : Math.floor((t - firstMonday) / (7 * DAY)) + 1;
      return `${d.getUTCFullYear()}-W${String(n).padStart(2, "0")}`;
    };
    const expected = count(emails.filter((e) => e.direction === "outbound"), (e) => week(Number(e.sent_at)));
    const result = await answer("emails sent per week");
    expect(result.length).toBe(Math.min(50, expected.size));
    for (const row of result) expect(Number(row.sent), String(row.week)).toBe(expected.get(String(row.week)));
  });

  it("all-time figures read from the stats tables equal counts over the emails themselves", async () => {
    const fintech = emails.filter((e) => verticalOf(e) === "fintech");
    const seniority = (e: Raw) => String(contact().get(e.contact_id)!.seniority ?? "unknown");
    const sent = count(fintech.filter((e) => e.direction === "outbound"), seniority);
    const bounced = count(fintech.filter((e) => e.bounced_at != null), seniority);
    const result = await answer("emails sent and bounces in fintech by seniority");
    for (const row of result) expect(row, String(row.seniority)).toMatchObject({ sent: sent.get(String(row.seniority)) ?? 0, bounced: bounced.get(String(row.seniority)) ?? 0 });
    expect(result.reduce((s, r) => s + Number(r.sent), 0)).toBe(fintech.filter((e) => e.direction === "outbound").length);
  });

  it("meetings booked by campaign count meeting outcomes whose reply belongs to the campaign", async () => {
    const email = new Map(emails.map((e) => [e.id, e]));
    const name = new Map(campaigns.map((c) => [c.id, String(c.name)]));
    const expected = count(
      outcomes.filter((o) => o.label === "meeting_scheduled" && email.get(o.email_id)?.campaign_id != null),
      (o) => name.get(email.get(o.email_id)!.campaign_id)!,
    );
    const result = await answer("meetings booked by campaign");
    expect(new Map(result.map((r) => [String(r.campaign), Number(r.meetings)]))).toEqual(expected);
  });

  it("contacts by country count every contact by its company's country", async () => {
    const expected = count(contacts, (c) => String(company().get(c.company_id)!.country ?? "unknown"));
    const result = await answer("how many contacts by country");
    expect(new Map(result.map((r) => [String(r.country), Number(r.contacts)]))).toEqual(expected);
  });
});
