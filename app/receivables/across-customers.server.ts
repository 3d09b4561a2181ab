import { liveCustomersOf } from "~/customers/ownership.server";
import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isCalendarDate } from "~/utils/fields";
import { isUuid } from "~/utils/uuid";
import {
  readSummary,
  RECEIVABLE_COLUMNS,
  RECEIVABLE_FROM,
  statusFilterSql,
  type ReceivableFilter,
  type ReceivableRow,
  type ReceivablesSummary,
} from "./receivables.server";

/**
 * Every receivable of the user's live customers (`?status=` as on a
 * customer's list), earliest due first — an open invoice most overdue first;
 * a payment by its date — in keyset pages, with the summary of them all.
 */

export const ACROSS_PAGE_SIZE = 50;

/** The day a row sorts by (due date, else date) and its id. */
type CursorKey = [day: string, id: string];

const SORT_DAY = Prisma.sql`coalesce(r.due_date, r.date)`;

function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A cursor this list made, or null. */
export function decodeReceivablesCursor(raw: string): CursorKey | null {
  if (raw.length > 200) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(key) || key.length !== 2) return null;
    const [day, id] = key as unknown[];
    return typeof day === "string" && isCalendarDate(day) && isUuid(id) ? [day, id] : null;
  } catch {
    return null;
  }
}

export interface ReceivablesAcross {
  receivables: ReceivableRow[];
  summary: ReceivablesSummary;
  nextCursor: string | null;
}

type AcrossQuery = { userId: string; cursor: CursorKey | null } & Pick<ReceivableFilter, "status">;

/** The rows the summary covers: every receivable of the user's live customers. */
export function acrossSummaryWhere(userId: string): Prisma.Sql {
  return Prisma.sql`${liveCustomersOf(userId)} AND r.user_id = ${userId}::uuid`;
}

/** The statement of one page, one row more than a page (the bench explains it as the app runs it). */
export function acrossPageSql({ userId, status, cursor }: AcrossQuery): Prisma.Sql {
  const after = cursor ? Prisma.sql`(${SORT_DAY}, r.id) > (${cursor[0]}::date, ${cursor[1]}::uuid)` : Prisma.sql`TRUE`;
  return Prisma.sql`
      SELECT ${RECEIVABLE_COLUMNS}, ${SORT_DAY}::text AS "sortDay"
        FROM ${RECEIVABLE_FROM}
       WHERE ${acrossSummaryWhere(userId)} AND ${statusFilterSql(status)} AND ${after}
       ORDER BY ${SORT_DAY}, r.id
       LIMIT ${ACROSS_PAGE_SIZE + 1}`;
}

export async function listReceivablesAcross(query: AcrossQuery): Promise<ReceivablesAcross> {
  return asUser(query.userId, async (db) => {
    const rows = await db.$queryRaw<Array<ReceivableRow & { sortDay: string }>>(acrossPageSql(query));
    const page = rows.slice(0, ACROSS_PAGE_SIZE);
    const last = page[page.length - 1];
    return {
      receivables: page.map(({ sortDay: _sortDay, ...row }) => row),
      summary: await readSummary(db, acrossSummaryWhere(query.userId)),
      nextCursor: rows.length > ACROSS_PAGE_SIZE && last ? encodeCursor([last.sortDay, last.id]) : null,
    };
  });
}
