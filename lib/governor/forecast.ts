import { addLocalDays, resolveCadence, type CadenceInput } from "./cadence";
import { recipientDomain, type Mailbox } from "./decide";
import { before, MinHeap, type HeapEntry } from "./heap";
import { DEFAULT_RULES, type GovernorRules } from "./rules";
import { forecastSentence } from "./sentence";
import { resolveTimeZone, type Place } from "./timezone";
import { nextOpening, windowDay, sendCalendar, type SendCalendar } from "./window";
import { zoneDayAt } from "./zone-days";

export type ForecastContact = { mailbox: Mailbox; to: string; place: Place };

export type TouchForecast = { touch: number; sends: number; first: Date | null; last: Date | null };

export type Forecast = {
  contacts: number;
  touches: TouchForecast[];
  totalSends: number;
  /** When the last send of the campaign goes, or null for no contacts. */
  finishes: Date | null;
  /** "1,200 contacts: touch 1 finishes on Thursday 10 Dec, the last touch on Monday 15 Feb." */
  sentence: string;
};

export type ForecastOptions = {
  /** The zone the sentence's dates are told in (default: the first contact's mailbox zone). */
  displayZone?: string;
  /** What each mailbox has already sent on the launch day, by mailbox id. */
  mailboxes?: Record<string, { sentToday: number; lastSentAt: Date | null }>;
  /** Told of every simulated send in time order (contact = index in `contacts`, touch from 1): a per-contact schedule. */
  onSend?: (send: { contact: number; touch: number; at: Date }) => void;
};

type Item = HeapEntry & { contact: number; touch: number };

/**
 * Recipients of one mailbox that share a calendar, and the window last looked up: from
 * `queriedAt` the next opening is `openFrom`, open until `openUntil`.
 */
type Group = { cal: SendCalendar; queue: MinHeap<Item>; queriedAt: number; openFrom: number; openUntil: number };

type Box = HeapEntry & { zone: string; groups: Group[]; byCal: Map<string, Group>; lastSent: number; dayEnd: number; dayCount: number; pending: number };

/** Sets the group's cached window to the one containing or following `t` (cheap when it already is). */
function windowFrom(g: Group, t: number): void {
  if (t >= g.queriedAt && t < g.openUntil) return;
  g.queriedAt = t;
  const at = nextOpening(g.cal, t).at;
  const wd = windowDay(g.cal, zoneDayAt(g.cal.place.zone, at).day);
  g.openFrom = at;
  g.openUntil = wd.close;
}

/**
 * Simulates a launch under the governor's rules, as the sender would play it: time moves forward
 * one send at a time; each mailbox sends its longest-waiting recipient whose window is open, no
 * sooner than the gap after its previous send, while its and the recipient domain's daily caps
 * allow; each send queues the contact's next touch at the cadence's gap in the contact's calendar.
 * It assumes nobody replies or stops, so it is the longest the campaign can run. Deterministic:
 * the same input gives the same schedule. Touch numbers in the result start at 1.
 */
export function forecast(contacts: readonly ForecastContact[], plan: CadenceInput, rules: GovernorRules = DEFAULT_RULES, start: Date, options: ForecastOptions = {}): Forecast {
  const cadence = resolveCadence(plan);
  const startMs = start.getTime();
  const gapMs = rules.minGapSeconds * 1000;
  const touches: TouchForecast[] = cadence.gapDays.map((_, i) => ({ touch: i + 1, sends: 0, first: null, last: null }));
  const stats = touches.map(() => ({ sends: 0, first: Infinity, last: -Infinity }));

  const boxes = new Map<string, Box>();
  const contactDomain: string[] = [];
  let seq = 0;
  contacts.forEach((c, i) => {
    let box = boxes.get(c.mailbox.id);
    if (!box) {
      const prior = options.mailboxes?.[c.mailbox.id];
      const day = zoneDayAt(c.mailbox.zone, startMs);
      box = { key: startMs, seq: boxes.size, zone: c.mailbox.zone, groups: [], byCal: new Map(), lastSent: prior?.lastSentAt?.getTime() ?? -Infinity, dayEnd: day.end, dayCount: prior?.sentToday ?? 0, pending: 0 };
      boxes.set(c.mailbox.id, box);
    }
    const cal = sendCalendar(resolveTimeZone(c.place, c.mailbox.zone), rules);
    let group = box.byCal.get(cal.key);
    if (!group) {
      group = { cal, queue: new MinHeap(), queriedAt: Infinity, openFrom: Infinity, openUntil: -Infinity };
      box.byCal.set(cal.key, group);
      box.groups.push(group);
    }
    contactDomain[i] = `${recipientDomain(c.to)}|${cal.place.zone}`;
    group.queue.push({ key: addLocalDays(cal.place.zone, startMs, cadence.gapDays[0]!), seq: seq++, contact: i, touch: 0 });
    box.pending++;
  });

  const domainDays = new Map<string, { start: number; end: number; count: number }>();
  const timeline = new MinHeap<Box>();
  for (const box of boxes.values()) timeline.push(box);

  for (let box = timeline.pop(); box; box = timeline.pop()) {
    const t = Math.max(box.key, box.lastSent + gapMs);
    if (t >= box.dayEnd) {
      box.dayEnd = zoneDayAt(box.zone, t).end;
      box.dayCount = 0;
    }
    if (box.dayCount >= rules.mailboxDailyCap) {
      box.key = box.dayEnd;
      timeline.push(box);
      continue;
    }
    let best: Group | null = null;
    let wake = Infinity;
    for (const g of box.groups) {
      const top = g.queue.peek();
      if (!top) continue;
      const from = Math.max(t, top.key);
      windowFrom(g, from);
      const ready = Math.max(from, g.openFrom);
      if (ready <= t) {
        if (!best || before(top, best.queue.peek()!)) best = g;
      } else {
        wake = Math.min(wake, ready);
      }
    }
    if (!best) {
      // Guards the loop: a wake-up that does not move time forward would spin for ever.
      if (!(wake > t)) throw new Error(`forecast: no progress at ${new Date(t).toISOString()} for mailbox ${box.zone}`);
      box.key = wake;
      timeline.push(box);
      continue;
    }
    const item = best.queue.pop()!;
    const zone = best.cal.place.zone;
    let domainDay = domainDays.get(contactDomain[item.contact]!);
    if (!domainDay || t >= domainDay.end) {
      const d = zoneDayAt(zone, t);
      domainDay = { start: d.start, end: d.end, count: 0 };
      domainDays.set(contactDomain[item.contact]!, domainDay);
    }
    if (domainDay.count >= rules.domainDailyCap) {
      // The domain is full today in its recipients' calendar: this contact waits for its next day.
      item.key = domainDay.end;
      best.queue.push(item);
      box.key = t;
      timeline.push(box);
      continue;
    }
    domainDay.count++;
    box.dayCount++;
    box.lastSent = t;
    const s = stats[item.touch]!;
    s.sends++;
    s.first = Math.min(s.first, t);
    s.last = Math.max(s.last, t);
    options.onSend?.({ contact: item.contact, touch: item.touch + 1, at: new Date(t) });
    if (item.touch + 1 < cadence.touches) {
      best.queue.push({ key: addLocalDays(zone, t, cadence.gapDays[item.touch + 1]!), seq: item.seq, contact: item.contact, touch: item.touch + 1 });
    } else {
      box.pending--;
    }
    if (box.pending > 0) {
      box.key = t + gapMs;
      timeline.push(box);
    }
  }

  touches.forEach((touch, i) => {
    const s = stats[i]!;
    touch.sends = s.sends;
    touch.first = s.sends ? new Date(s.first) : null;
    touch.last = s.sends ? new Date(s.last) : null;
  });
  const totalSends = touches.reduce((n, t) => n + t.sends, 0);
  const finishes = touches.at(-1)?.last ?? null;
  const displayZone = options.displayZone ?? contacts[0]?.mailbox.zone ?? "UTC";
  return { contacts: contacts.length, touches, totalSends, finishes, sentence: forecastSentence(contacts.length, touches, displayZone, start) };
}

