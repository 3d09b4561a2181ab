/**
 * Instants and the account's wall clock. The account's time zone (an IANA
 * name, /account) decides how every time is shown and how a typed date and
 * time (`<input type="datetime-local">`) is read; nothing here looks at the
 * zone of the machine or the browser, so the server and the browser render
 * the same text. Browser-safe: the pages format with it.
 *
 * The rule for clock changes (docs/decisions/0014-times-in-the-account-zone.md)
 * is Temporal's "compatible" reading: a time the clocks skip is moved on by
 * the length of the gap, and a time they show twice is the earlier one.
 */

/** A date and time as a clock on the wall shows it: no zone, minute precision. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
}

const DAY_MS = 24 * 60 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

// One formatter per zone (building one costs far more than using it); null
// when the engine does not know the zone.
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        // h23, not hour12: false, which some engines answer with "24" at midnight.
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone itself when the engine knows it, else UTC. The settings only
 * accept zones both PostgreSQL and Node know, but a browser with older time
 * zone data may not: it then shows UTC rather than a broken page.
 */
export function usableTimeZone(timeZone: string): string {
  return formatterFor(timeZone) ? timeZone : "UTC";
}

/** The wall clock (to the second) at `time` in `timeZone`, as milliseconds read as if UTC. */
function wallMillis(time: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) return Math.floor(time / 1000) * 1000;
  const parts = formatter.formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/** How far the zone's clocks are ahead of UTC at `time`, in milliseconds. */
function offsetAt(time: number, timeZone: string): number {
  // Whole seconds: some historic offsets (local mean time) have them.
  return wallMillis(time, timeZone) - Math.floor(time / 1000) * 1000;
}

function fromMillis(millis: number): WallClock {
  const date = new Date(millis);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

function toMillis(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  return fromMillis(wallMillis(instant.getTime(), timeZone));
}

/**
 * The instant at which a clock in `timeZone` shows `wall`. A zone changes its
 * offset at most once in any two days, so the offsets a day before and a day
 * after are the only candidates; each that gives back `wall` is a reading.
 * Two readings (the clocks went back): the earlier. None (the clocks jumped
 * over it): the offset from before the jump, which lands as far past the jump
 * as `wall` is past its start.
 */
export function instantAt(wall: WallClock, timeZone: string): Date {
  const asUtc = toMillis(wall);
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const readings = [asUtc - before, asUtc - after].filter((time) => wallMillis(time, timeZone) === asUtc);
  if (readings.length === 0) return new Date(asUtc - before);
  return new Date(Math.min(...readings));
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** "2026-03-29T03:30": what `<input type="datetime-local">` shows for `instant` in `timeZone`. */
export function dateTimeLocalValue(instant: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClockAt(instant, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}
