/**
 * Display formatting shared by server and browser render. Everything here is
 * computed in UTC against an explicit `now` so the HTML the server sends and
 * the markup React hydrates are byte-for-byte identical.
 */

type DateInput = string | Date | null | undefined;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A day in milliseconds, for windows counted in days (restore window, tests). */
export const DAY_MS = DAY;

// Month names come from a fixed table rather than Intl: ICU versions disagree
// ("Sep" in older ICU, "Sept" in ICU 72+ for en-GB), and a browser whose ICU
// differs from Node's would otherwise produce a hydration mismatch.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad2 = (value: number) => String(value).padStart(2, "0");

function shortDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "24 Nov 2026"; "—" when there is no (valid) date. */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  return date ? shortDate(date) : "—";
}

/** "24 Nov 2026, 14:05" (24-hour clock, UTC); "—" when there is no (valid) date. */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  if (!date) return "—";
  return `${shortDate(date)}, ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}

/** The ISO timestamp for a `<time dateTime>` attribute, or undefined when there is none. */
export function toIsoString(value: DateInput): string | undefined {
  return toDate(value)?.toISOString();
}

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then
 * the short date once a week has passed. Buckets use elapsed time, not calendar
 * days, so the output does not depend on any timezone.
 */
export function formatRelativeTime(value: DateInput, now: Date): string {
  if (value === null || value === undefined) return "Never";
  const date = toDate(value);
  if (!date) return "—";

  const elapsed = now.getTime() - date.getTime();
  // A little clock skew between the database and the app server reads as
  // "just now"; anything further ahead is a genuine future date, so show it.
  if (elapsed < -MINUTE) return shortDate(date);
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${plural(Math.floor(elapsed / MINUTE), "minute", "minutes")} ago`;
  if (elapsed < DAY) return `${plural(Math.floor(elapsed / HOUR), "hour", "hours")} ago`;
  if (elapsed < 2 * DAY) return "yesterday";
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} days ago`;
  return shortDate(date);
}

// A plain decimal, optionally signed and in exponent form, as Prisma's Decimal
// and Postgres NUMERIC serialise it.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string): Intl.NumberFormat {
  let formatter = moneyFormatters.get(currency);
  if (!formatter) {
    try {
      // signDisplay "negative" keeps "-0.001" from rendering as "-€0.00".
      formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency, signDisplay: "negative" });
    } catch {
      // Engines predating ES2023 reject "negative"; a stray minus on zero is
      // better than a crashed page.
      formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency });
    }
    moneyFormatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * "€1,234.50" from an exact decimal string. The string goes to Intl as-is
 * (Intl.NumberFormat v3 formats decimal strings exactly), so amounts beyond
 * 2^53 cents keep every digit instead of being rounded through a double.
 */
export function formatMoney(amount: string, currency = "EUR"): string {
  const trimmed = amount.trim();
  // Anything that is not a number is shown raw rather than as "€NaN".
  if (!DECIMAL.test(trimmed)) return amount;
  // The regex above is what makes this a numeric literal; TS can't see that.
  return moneyFormatter(currency).format(trimmed as Intl.StringNumericLiteral);
}

/**
 * The calendar date ("2026-11-24") at `now` in `timeZone` (an IANA name; UTC
 * when the engine does not know it). For a form's default date: the rules
 * that depend on "today" compute it in SQL (app_today()).
 */
export function isoDateIn(timeZone: string, now: Date = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
