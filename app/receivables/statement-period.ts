import { readWallClock } from "~/utils/fields";

/**
 * The period of a statement, read from `?from=&to=` (both `YYYY-MM-DD`,
 * inclusive). Left out, `to` is the account's today and `from` the first day
 * of the month three months before it: the current month and the three full
 * ones before, what a reminder to a customer usually covers. A period longer
 * than ten years is refused: nobody reads it, and it is the one request here
 * that could make the database work hard.
 */

export const MAX_STATEMENT_YEARS = 10;

export interface StatementPeriod {
  from: string;
  to: string;
}

export type PeriodReading =
  | { ok: true; period: StatementPeriod }
  /** What was typed (to show it again) and what is wrong, per field. */
  | { ok: false; values: { from: string; to: string }; errors: { from?: string; to?: string } };

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

function isoOf(year: number, month: number, day: number): string {
  // Date.UTC carries a month below 1 or above 12 into the year.
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The default start for a statement ending on `to`: the first of the month three months earlier. */
export function defaultStatementFrom(to: string): string {
  const [year, month] = to.split("-").map(Number) as [number, number];
  return isoOf(year, month - 3, 1);
}

/** The earliest `from` allowed with `to`: the same day ten years earlier (28 February for a 29th). */
function earliestFrom(to: string): string {
  const [year, month, day] = to.split("-").map(Number) as [number, number, number];
  const shifted = isoOf(year - MAX_STATEMENT_YEARS, month, day);
  // 29 February ten years back may not exist: take the last day of that February.
  return shifted.slice(5, 7) === pad(month) ? shifted : isoOf(year - MAX_STATEMENT_YEARS, month, 0);
}

function readDate(raw: string | null): "missing" | "invalid" | string {
  const value = (raw ?? "").trim();
  if (value === "") return "missing";
  return readWallClock(value, { withTime: false }) ? value : "invalid";
}

/** `from` and `to` of the query string, with the defaults against `today` (the account's). */
export function readStatementPeriod(params: URLSearchParams, today: string): PeriodReading {
  const rawFrom = params.get("from") ?? "";
  const rawTo = params.get("to") ?? "";
  const toValue = readDate(rawTo);
  const fromValue = readDate(rawFrom);
  const errors: { from?: string; to?: string } = {};
  if (toValue === "invalid") errors.to = "Enter the end date as a real date (YYYY-MM-DD).";
  if (fromValue === "invalid") errors.from = "Enter the start date as a real date (YYYY-MM-DD).";
  if (errors.from || errors.to) return { ok: false, values: { from: rawFrom.slice(0, 20), to: rawTo.slice(0, 20) }, errors };

  const to = toValue === "missing" ? today : toValue;
  const from = fromValue === "missing" ? defaultStatementFrom(to) : fromValue;
  if (from > to) {
    return { ok: false, values: { from, to }, errors: { from: "The start date must be on or before the end date." } };
  }
  if (from < earliestFrom(to)) {
    return {
      ok: false,
      values: { from, to },
      errors: { from: `A statement covers at most ${MAX_STATEMENT_YEARS} years: choose a later start date.` },
    };
  }
  return { ok: true, period: { from, to } };
}
