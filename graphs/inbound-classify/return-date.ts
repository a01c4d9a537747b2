/**
 * The day an out-of-office says its writer is back, as an ISO date (YYYY-MM-DD), for campaigns to
 * pause until then. Reads normalised text (lower case, no accents). Every date written in the
 * message counts ("away 20 December to 4 January, back on 5 January"); the latest one on or after
 * the day the message arrived is the answer, within a year. A date without a year takes the next
 * such day, if that is within six months (otherwise it was a past date: "away since 1 December"). Numeric dates are read day first (5.1. and 05/01/2026 are 5 January) unless that is
 * impossible (01/25/2026 is 25 January). Weekday names and "tomorrow" count only when no date does.
 */
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, januar: 1, janner: 1, janvier: 1, enero: 1, gennaio: 1, januari: 1, janeiro: 1,
  february: 2, feb: 2, februar: 2, fevrier: 2, febrero: 2, febbraio: 2, februari: 2, fevereiro: 2,
  march: 3, mar: 3, marz: 3, mars: 3, marzo: 3, maart: 3, marco: 3,
  april: 4, apr: 4, avril: 4, abril: 4, aprile: 4,
  may: 5, mai: 5, mayo: 5, maggio: 5, mei: 5, maio: 5,
  june: 6, jun: 6, juni: 6, juin: 6, junio: 6, giugno: 6, junho: 6,
  july: 7, jul: 7, juli: 7, juillet: 7, julio: 7, luglio: 7, julho: 7,
  august: 8, aug: 8, aout: 8, agosto: 8, augustus: 8,
  september: 9, sep: 9, sept: 9, septembre: 9, septiembre: 9, setiembre: 9, settembre: 9, setembro: 9,
  october: 10, oct: 10, oktober: 10, octobre: 10, octubre: 10, ottobre: 10, outubro: 10,
  november: 11, nov: 11, novembre: 11, noviembre: 11, novembro: 11,
  december: 12, dec: 12, dezember: 12, decembre: 12, diciembre: 12, dicembre: 12, dezembro: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|")})`;
const DAY_FIRST = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|o|\\.)?\\s+(?:of\\s+|de\\s+)?${MONTH}\\b\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?`, "g");
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4}))?`, "g");
const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
// 5.1. / 05.01.2026 (the closing dot or a year is required: "3.5 hours" is not a date) and 05/01/2026.
const NUMERIC = /(?<![\d.\/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2})(?!\d)|\.(?!\d))/g;

const WEEKDAYS: readonly (readonly string[])[] = [
  ["sunday", "sonntag", "dimanche", "domingo", "domenica", "zondag"],
  ["monday", "montag", "lundi", "lunes", "lunedi", "maandag", "segunda"],
  ["tuesday", "dienstag", "mardi", "martes", "martedi", "dinsdag", "terca"],
  ["wednesday", "mittwoch", "mercredi", "miercoles", "mercoledi", "woensdag", "quarta"],
  ["thursday", "donnerstag", "jeudi", "jueves", "giovedi", "donderdag", "quinta"],
  ["friday", "freitag", "vendredi", "viernes", "venerdi", "vrijdag", "sexta"],
  ["saturday", "samstag", "samedi", "sabado", "sabato", "zaterdag"],
];
const TOMORROW = /\b(?:tomorrow|morgen|demain|manana|domani|amanha)\b/;

const DAY_MS = 86_400_000;
const YEARLESS_AHEAD_DAYS = 183;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

function dateOf(year: number | null, month: number, day: number, today: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const at = (y: number) => {
    const t = Date.UTC(y, month - 1, day);
    return new Date(t).getUTCDate() === day ? t : null;
  };
  if (year !== null) return at(year < 100 ? 2000 + year : year);
  const thisYear = new Date(today).getUTCFullYear();
  const candidate = at(thisYear);
  const next = candidate !== null && candidate >= today ? candidate : at(thisYear + 1);
  return next !== null && next <= today + YEARLESS_AHEAD_DAYS * DAY_MS ? next : null;
}

export function extractReturnDate(normalized: string, receivedAt: Date): string | null {
  const today = Date.UTC(receivedAt.getUTCFullYear(), receivedAt.getUTCMonth(), receivedAt.getUTCDate());
  const found: number[] = [];
  const add = (t: number | null) => {
    if (t !== null && t >= today && t <= today + 366 * DAY_MS) found.push(t);
  };
  for (const m of normalized.matchAll(ISO)) add(dateOf(Number(m[1]), Number(m[2]), Number(m[3]), today));
  for (const m of normalized.matchAll(DAY_FIRST)) add(dateOf(m[3] ? Number(m[3]) : null, MONTHS[m[2]!]!, Number(m[1]), today));
  for (const m of normalized.matchAll(MONTH_FIRST)) add(dateOf(m[3] ? Number(m[3]) : null, MONTHS[m[1]!]!, Number(m[2]), today));
  for (const m of normalized.matchAll(NUMERIC)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [day, month] = a > 12 || b <= 12 ? [a, b] : [b, a];
    add(dateOf(m[4] ? Number(m[4]) : null, month, day, today));
  }
  if (found.length > 0) return iso(Math.max(...found));
  if (TOMORROW.test(normalized)) return iso(today + DAY_MS);
  const weekday = WEEKDAYS.findIndex((names) => names.some((n) => new RegExp(`\\b${n}\\b`).test(normalized)));
  if (weekday < 0) return null;
  const ahead = (weekday - new Date(today).getUTCDay() + 7) % 7 || 7;
  return iso(today + ahead * DAY_MS);
}
