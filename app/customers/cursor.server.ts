import { isUuid } from "~/utils/uuid";
import type { CustomerSort } from "./constants";

/**
 * Opaque keyset cursors: the sort they belong to, the direction, and the sort
 * key of the row at the edge of the page (ending with its id). Tampered or
 * foreign cursors decode to null; the page falls back to the first page and
 * the API answers 400.
 */
export type CursorDirection = "after" | "before";
export type SortKey = Array<string | number>;

export interface Cursor {
  sort: CustomerSort;
  direction: CursorDirection;
  key: SortKey;
}

export function encodeCursor(cursor: Cursor): string {
  const payload = [cursor.sort, cursor.direction === "after" ? "a" : "b", ...cursor.key];
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

// Postgres' text form of a timestamptz, microseconds included.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:[+-](\d{2})(?::?(\d{2}))?|Z)$/;

// Postgres refuses text with NUL; such a key would make the query fail.
const isName = (value: unknown) => typeof value === "string" && value.length <= 1000 && !value.includes("\u0000");

/** The shape alone is not enough: "2026-02-31" or "+99" would make the query fail. */
function isTimestamp(value: unknown): boolean {
  if (typeof value !== "string") return false;
  // A row whose timestamp is NULL sorts as -infinity (see customers.server.ts).
  if (value === "-infinity") return true;
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  const realDate = year! >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  return realDate && hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours <= 15 && offsetMinutes <= 59;
}
const isRank = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 100;

// What each sort's key holds, before the id. A name is two: its sort key
// (case and accents folded) and the name as typed (docs/decisions/0010); a
// cursor from before that had one, and is refused like any unreadable cursor.
const KEY_SHAPES: Record<CustomerSort, Array<(value: unknown) => boolean>> = {
  updated_at: [isTimestamp],
  created_at: [isTimestamp],
  name: [isName, isName],
  status: [isRank, isName, isName],
};

/** The JSON array a cursor carries, or null when it is not one. */
function payloadOf(raw: string): unknown[] | null {
  if (raw.length > 2048) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  return Array.isArray(parsed) ? (parsed as unknown[]) : null;
}

export function decodeCursor(raw: string, sort: CustomerSort): Cursor | null {
  const parsed = payloadOf(raw);
  if (!parsed) return null;
  const [cursorSort, direction, ...key] = parsed;
  const shape = KEY_SHAPES[sort];
  if (cursorSort !== sort || (direction !== "a" && direction !== "b")) return null;
  if (key.length !== shape.length + 1) return null;
  if (!shape.every((check, index) => check(key[index]))) return null;
  const id = key[shape.length];
  if (!isUuid(id)) return null;
  return { sort, direction: direction === "a" ? "after" : "before", key: key as SortKey };
}

/**
 * A timeline cursor: the event date (Postgres' text, microseconds kept;
 * -infinity for an undated event) and id of the last event shown. Tagged, so
 * a customer-list cursor is not mistaken for one.
 */
export interface EventCursor {
  key: [date: string, id: string];
}

const EVENTS_TAG = "events";

export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([EVENTS_TAG, ...cursor.key])).toString("base64url");
}

export function decodeEventCursor(raw: string): EventCursor | null {
  const parsed = payloadOf(raw);
  if (!parsed || parsed.length !== 3) return null;
  const [tag, date, id] = parsed;
  if (tag !== EVENTS_TAG || !isTimestamp(date) || !isUuid(id)) return null;
  return { key: [date as string, id as string] };
}
