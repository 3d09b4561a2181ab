import { liveCustomersOf } from "~/customers/ownership.server";
import { dateFromJson, jsonRowSql, jsonRowsSql, type Jsonified } from "~/db/json.server";
import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isCalendarDate } from "~/utils/fields";
import { isUuid } from "~/utils/uuid";
import type { ReceivableFilterStatus } from "./constants";
import {
  creditSetsSql,
  DISPLAY_STATUS_SQL,
  openSetSql,
  PAID_LATERAL,
  RECEIVABLE_COLUMNS,
  RECEIVABLE_FROM,
  statusFilterSql,
  summarySql,
  type ReceivableRow,
  type ReceivablesSummary,
} from "./receivables.server";
import { TODAY_FROM } from "~/agreements/agreements.server";

/**
 * Every receivable of the user's live customers (`?status=` as on a
 * customer's list), earliest due first — an open invoice most overdue first;
 * a payment by its date — in keyset pages, with the summary of them all. The
 * JSON API and the /receivables page read the same statement.
 *
 * A display status is computed (paid and today), so no index holds it. But
 * each one implies a stored status, and some a side of today: an overdue
 * invoice is sent and due before today, an open or partly paid one sent and
 * due today or later. So each stored status is its own index range, read in
 * due-date order and stopped at a page, the display status tested on the way
 * (decision 0015 does the same for agreements); the few rows the ranges
 * yield are merged in the page's order.
 */

export const ACROSS_PAGE_SIZE = 50;

/**
 * What the list keeps: a `?status=` filter, or `unpaid` — the invoices still
 * owed on (open, partly paid or overdue), the /receivables page's default.
 */
export type AcrossFilter = ReceivableFilterStatus | "unpaid";

/** The day a row sorts by (due date, else date) and its id. */
type CursorKey = [day: string, id: string];

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

interface Range {
  /**
   * The stored status, spelled as the partial indexes' predicates are
   * (literals, not parameters, so the planner can match them).
   */
  stored: Prisma.Sql;
  /** The day the row sorts by, as its index holds it. */
  day: Prisma.Sql;
  /** A condition implied by the filter, that the index serves; the filter itself is tested too. */
  where: Prisma.Sql;
}

// Sent invoices: idx_customer_receivables_sent_invoices_due (user_id, due_date, id).
// An invoice always has a due date and a payment none, so an invoice's day is
// its due date and a payment's its date.
const SENT = { stored: Prisma.sql`r.type = 'invoice' AND r.status = 'sent'`, day: Prisma.sql`r.due_date` };
// The rest: idx_customer_receivables_unsent_invoices_due and
// idx_customer_receivables_payments_date (user_id, status, day, id), migration receivables_across.
const invoices = (status: "draft" | "void") => ({
  stored: Prisma.sql`r.type = 'invoice' AND r.status = ${Prisma.raw(`'${status}'`)}`,
  day: Prisma.sql`r.due_date`,
});
const payments = (status: "received" | "void") => ({
  stored: Prisma.sql`r.type = 'payment' AND r.status = ${Prisma.raw(`'${status}'`)}`,
  day: Prisma.sql`r.date`,
});
const ANY_DAY = Prisma.sql`TRUE`;
// app_today() itself, not TODAY_FROM's t.today: a function the planner can
// evaluate once makes the bound an index condition; a column of another
// relation made it a filter over every sent invoice (~100,000 rows read for
// one page of `open` on the bench data). Both are the statement's same today.
const TODAY = Prisma.sql`app_today()`;

/** Which ranges hold the rows of a filter (none: every receivable). */
function rangesOf(filter: AcrossFilter | undefined): Range[] {
  switch (filter) {
    case undefined:
      return [SENT, invoices("draft"), invoices("void"), payments("received"), payments("void")].map((range) => ({ ...range, where: ANY_DAY }));
    case "overdue":
      return [{ ...SENT, where: Prisma.sql`r.due_date < ${TODAY}` }];
    // Not overdue, so due today or later (invoice_display_status(), migration receivables).
    case "open":
    case "partial":
      return [{ ...SENT, where: Prisma.sql`r.due_date >= ${TODAY}` }];
    case "paid":
    case "unpaid":
      return [{ ...SENT, where: ANY_DAY }];
    case "draft":
      return [{ ...invoices("draft"), where: ANY_DAY }];
    case "void":
      return [{ ...invoices("void"), where: ANY_DAY }, { ...payments("void"), where: ANY_DAY }];
    case "received":
      return [{ ...payments("received"), where: ANY_DAY }];
  }
}

const UNPAID = Prisma.sql`${DISPLAY_STATUS_SQL} IN ('open', 'partial', 'overdue')`;

function filterSql(filter: AcrossFilter | undefined): Prisma.Sql {
  return filter === "unpaid" ? UNPAID : statusFilterSql(filter);
}

/** One range's candidates: at most a page of them after the cursor, in the page's order. */
function rangeSql(userId: string, range: Range, filter: AcrossFilter | undefined, cursor: CursorKey | null): Prisma.Sql {
  const after = cursor ? Prisma.sql`(${range.day}, r.id) > (${cursor[0]}::date, ${cursor[1]}::uuid)` : Prisma.sql`TRUE`;
  return Prisma.sql`(SELECT r.id, ${range.day} AS day
       FROM customer_receivables r CROSS JOIN archived CROSS JOIN ${TODAY_FROM} CROSS JOIN ${PAID_LATERAL}
      WHERE r.user_id = ${userId}::uuid AND ${range.stored} AND ${range.where} AND ${after}
        AND r.customer_id <> ALL (archived.ids)
        AND ${filterSql(filter)}
      ORDER BY ${range.day}, r.id
      LIMIT ${ACROSS_PAGE_SIZE + 1})`;
}

export interface AcrossRow extends ReceivableRow {
  customerName: string;
  /** Days past the due date of an unpaid sent invoice (0 when not yet due); null otherwise. */
  daysOverdue: number | null;
}

/** The page's rows, and the one after it (to tell there is a next page). Exported for the plan checks. */
export function acrossPageSql(userId: string, { filter, cursor }: { filter?: AcrossFilter; cursor: CursorKey | null }): Prisma.Sql {
  const ranges = rangesOf(filter).map((range) => rangeSql(userId, range, filter, cursor));
  return Prisma.sql`
    WITH archived AS MATERIALIZED (SELECT array(SELECT archived_customer_ids()) AS ids)
    SELECT ${RECEIVABLE_COLUMNS}, c.name AS "customerName", p.day::text AS "sortDay",
           CASE WHEN ${DISPLAY_STATUS_SQL} IN ('open', 'partial', 'overdue') THEN greatest(t.today - r.due_date, 0) END AS "daysOverdue"
      FROM ${RECEIVABLE_FROM}
      JOIN (SELECT * FROM (${Prisma.join(ranges, " UNION ALL ")}) u ORDER BY u.day, u.id LIMIT ${ACROSS_PAGE_SIZE + 1}) p ON p.id = r.id
     WHERE ${liveCustomersOf(userId)}
     ORDER BY p.day, p.id`;
}

export interface ReceivablesAcross {
  receivables: AcrossRow[];
  summary: ReceivablesSummary;
  /** What is owed past its due date (the aging buckets but `current`). */
  overdue: string;
  nextCursor: string | null;
}

/**
 * The balance rows of every receivable of the user's live customers. What
 * sent invoices still ask comes per due date from receivable_open_days (kept
 * by a trigger, decision 0017), with the archived customers' unpaid invoices
 * taken back off: a few rows, where the invoices would be tens of thousands.
 * Credit is read from its own small sets. The archived few are named by id,
 * as the page's ranges do: a join to customers would read every one of them.
 */
export function acrossBalanceSets(userId: string): Prisma.Sql {
  const archived = Prisma.sql`ARRAY(SELECT archived_customer_ids())`;
  return Prisma.sql`SELECT d.open, d.due_date, 0::numeric AS credit
      FROM receivable_open_days d
     WHERE d.user_id = ${userId}::uuid AND d.open <> 0
    UNION ALL
    SELECT -a.open, a.due_date, 0 FROM (${openSetSql(Prisma.sql`r.user_id = ${userId}::uuid AND r.customer_id = ANY (${archived})`)}) a
    UNION ALL
    ${creditSetsSql(Prisma.sql`r.user_id = ${userId}::uuid AND r.customer_id <> ALL (${archived})`)}`;
}

export async function listReceivablesAcross({
  userId,
  status,
  cursor,
}: { userId: string; status?: AcrossFilter; cursor: CursorKey | null }): Promise<ReceivablesAcross> {
  // The page and the summary in one statement: one round trip.
  const [result] = await asUser(userId, (db) =>
    db.$queryRaw<Array<{ rows: Array<Jsonified<AcrossRow> & { sortDay: string }>; summary: ReceivablesSummary }>>`
      SELECT ${jsonRowsSql(acrossPageSql(userId, { filter: status, cursor }))} AS rows,
             ${jsonRowSql(summarySql(acrossBalanceSets(userId)))} AS summary`,
  );
  const { rows, summary } = result!;
  const page = rows.slice(0, ACROSS_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    receivables: page.map(({ sortDay: _sortDay, createdAt, updatedAt, ...row }) => ({
      ...row,
      createdAt: dateFromJson(createdAt),
      updatedAt: dateFromJson(updatedAt),
    })),
    summary,
    overdue: summary.overdue,
    nextCursor: rows.length > ACROSS_PAGE_SIZE && last ? encodeCursor([last.sortDay, last.id]) : null,
  };
}
