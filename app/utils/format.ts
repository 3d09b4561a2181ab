/**
 * Display formatting shared by server and browser render. Instants are shown
 * on the account's clock (its time zone, from loader data), never the
 * machine's or the browser's, and relative times are measured against an
 * explicit `now` from the loader, so the HTML the server sends and the markup
 * React hydrates are byte-for-byte identical.
 */
import { dateTimeLocalValue, wallClockAt, type WallClock } from "./time-zone";

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

function shortDate({ year, month, day }: Pick<WallClock, "year" | "month" | "day">): string {
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * "24 Nov 2026" for a calendar date (`YYYY-MM-DD`, an agreement's start or
 * end), which no time zone moves; "—" when there is no (valid) date. For the
 * day of an instant, formatDateIn.
 */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  return date ? shortDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }) : "—";
}

/** "24 Nov 2026": the day `value` (an instant) falls on in `timeZone`; "—" when there is none. */
export function formatDateIn(value: DateInput, timeZone: string): string {
  const date = toDate(value);
  return date ? shortDate(wallClockAt(date, timeZone)) : "—";
}

/** "24 Nov 2026, 14:05" (24-hour clock) in `timeZone`; "—" when there is no (valid) date. */
export function formatDateTime(value: DateInput, timeZone: string): string {
  const date = toDate(value);
  if (!date) return "—";
  const wall = wallClockAt(date, timeZone);
  return `${shortDate(wall)}, ${pad2(wall.hour)}:${pad2(wall.minute)}`;
}

/** The ISO timestamp for a `<time dateTime>` attribute, or undefined when there is none. */
export function toIsoString(value: DateInput): string | undefined {
  return toDate(value)?.toISOString();
}

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then
 * the short date in `timeZone` once a week has passed. Buckets use elapsed
 * time, not calendar days, so only that date depends on the zone.
 */
export function formatRelativeTime(value: DateInput, now: Date, timeZone: string): string {
  if (value === null || value === undefined) return "Never";
  const date = toDate(value);
  if (!date) return "—";

  const elapsed = now.getTime() - date.getTime();
  // A little clock skew between the database and the app server reads as
  // "just now"; anything further ahead is a genuine future date, so show it.
  if (elapsed < -MINUTE) return formatDateIn(date, timeZone);
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${plural(Math.floor(elapsed / MINUTE), "minute", "minutes")} ago`;
  if (elapsed < DAY) return `${plural(Math.floor(elapsed / HOUR), "hour", "hours")} ago`;
  if (elapsed < 2 * DAY) return "yesterday";
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} days ago`;
  return formatDateIn(date, timeZone);
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
 * "€1,234.50" from an exact decimal string, in the account's currency (no
 * default: a forgotten currency would quietly show euros). The string goes to
 * Intl as-is (Intl.NumberFormat v3 formats decimal strings exactly), so
 * amounts beyond 2^53 cents keep every digit instead of being rounded through
 * a double.
 */
export function formatMoney(amount: string, currency: string): string {
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
  return dateTimeLocalValue(now, timeZone).slice(0, 10);
}
