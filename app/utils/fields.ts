import { z } from "zod";
import { FIELD_LIMITS } from "./limits";
import { isStorableText } from "./storable-text";
import type { WallClock } from "./time-zone";
import { hasVisibleCharacter, withoutBidiControls } from "./visible-text";

/**
 * Zod builders for the kinds of field every feature's forms and API share, so
 * a limit or a message is written once. Each takes the label its messages use.
 * Imported by browser code: nothing server-only here.
 *
 * Every text builder refuses, as an error on its own field, what the database
 * cannot store (NUL, which is also what a page form's bytes that are not UTF-8
 * become, and unpaired surrogates), and holds text to
 * docs/decisions/0011-visible-text.md.
 */

function unstorableMessage(label: string) {
  return `${label} contains characters that cannot be stored`;
}

/** For text kept exactly as sent (a password): refused only when it cannot be stored. */
export function storable(label: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (!isStorableText(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: unstorableMessage(label) });
  };
}

/**
 * The text as it will be stored and shown: storable, without direction
 * overrides, and, unless empty, showing something. Runs after the string's
 * own checks, which stay on the inner ZodString so Conform still reads its
 * length limits as the input's constraints.
 */
function shownText(label: string, { required }: { required: boolean }) {
  return (value: string, ctx: z.RefinementCtx): string => {
    // Fatal: a refinement after this one (a URL's) must not judge z.NEVER.
    const refuse = (message: string) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message, fatal: true });
      return z.NEVER;
    };
    if (!isStorableText(value)) return refuse(unstorableMessage(label));
    const text = withoutBidiControls(value).trim();
    if (text === "" && required) return refuse(`${label} is required`);
    if (text !== "" && !hasVisibleCharacter(text)) return refuse(`${label} must contain a visible character`);
    return text;
  };
}

export function shortText(label: string, max: number = FIELD_LIMITS.shortText) {
  return z
    .string({ invalid_type_error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform(shownText(label, { required: false }));
}

export function longText(label: string, max: number = FIELD_LIMITS.longText) {
  return shortText(label, max);
}

/** A required short text: blank (after trimming) is refused with "<label> is required". */
export function requiredText(label: string, max: number = FIELD_LIMITS.shortText) {
  return z
    .string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .transform(shownText(label, { required: true }));
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

export function url(label = "URL") {
  return z
    .string({ invalid_type_error: `${label} must be text` })
    .trim()
    .max(FIELD_LIMITS.url, `${label} is too long`)
    .transform(shownText(label, { required: false }))
    .refine(isWebUrl, "Enter a full web address, like https://example.com");
}

export function email(label = "Email") {
  return z
    .string({ invalid_type_error: `${label} must be text` })
    .trim()
    .max(FIELD_LIMITS.email, `${label} is too long`)
    .email("Enter a valid email address");
}

/** NUMERIC(12,2): at most ten digits before the point, at most two after. */
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

/**
 * An amount of money as an exact decimal string ("1500", "1,500.5", 1500.5 →
 * "1500.50"): never a float on the way to NUMERIC, and never rounded — a third
 * decimal, a sign or an eleventh integer digit is refused. A JSON number is
 * read from its shortest text form, so 0.1 + 0.2 (0.30000000000000004) is
 * refused rather than quietly becoming 0.30. `positive` also refuses zero.
 */
export function money(label = "Amount", { positive = false }: { positive?: boolean } = {}) {
  return z
    // An errorMap, not invalid_type_error: a union that no member accepts
    // reports invalid_union, which would read "Invalid input".
    .union([z.string(), z.number()], {
      errorMap: (_issue, ctx) => ({ message: ctx.data === undefined ? `${label} is required` : `${label} must be an amount` }),
    })
    .transform((value) => (typeof value === "number" ? String(value) : value.trim().replace(/,/g, "")))
    .refine((value) => value !== "", `${label} is required`)
    .refine((value) => MONEY.test(value), `${label} must be an amount like 1500 or 1500.50 (at most two decimals)`)
    .transform((value) => {
      const [whole, cents = ""] = value.split(".");
      return `${BigInt(whole!).toString()}.${cents.padEnd(2, "0")}`;
    })
    .refine((value) => !positive || /[1-9]/.test(value), `${label} must be more than zero`);
}

// The shapes `<input type="date">` and `<input type="datetime-local">` send.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The one reading of a typed date (`YYYY-MM-DD`) or date and time
 * (`YYYY-MM-DDTHH:MM`), as the wall clock it names (midnight for a date).
 * Anything else is null rather than a guess: Date.parse would roll 30 February
 * into March and read "0" as the year 2000. Which instant a wall clock is
 * depends on a time zone: see instantAt in ./time-zone.
 */
export function readWallClock(value: string, { withTime }: { withTime: boolean }): WallClock | null {
  const match = DATE_TIME.exec(value);
  if (!match || (match[4] !== undefined) !== withTime) return null;
  const [year, month, day, hour = 0, minute = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as [
    number,
    number,
    number,
    number?,
    number?,
  ];
  if (year < 1900 || year > 2200 || hour > 23 || minute > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls an impossible month or day over; a real one comes back unchanged.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day, hour, minute } : null;
}

/** Whether `YYYY-MM-DD` names a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  return readWallClock(value, { withTime: false }) !== null;
}

/** A calendar date as `YYYY-MM-DD` (what `<input type="date">` sends), kept as a string. */
export function isoDate(label = "Date") {
  return z
    .string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
    .trim()
    .refine(isCalendarDate, `${label} must be a real date (YYYY-MM-DD)`);
}

/**
 * A date and time as `<input type="datetime-local">` sends it: a wall clock,
 * not yet an instant. The action reads it in the account's time zone
 * (instantAt), which this schema, shared with the browser, does not know.
 */
export function isoDateTime(label = "Date") {
  return z
    .string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
    .trim()
    .transform((value, ctx) => {
      const wall = readWallClock(value, { withTime: true });
      if (wall) return wall;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} must be a real date and time (YYYY-MM-DDTHH:MM)` });
      return z.NEVER;
    });
}
