import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { statusCounts, type StatusCountsOf } from "~/utils/status-counts";
import { isUuid } from "~/utils/uuid";
import { agreementMoneySql, agreementStatusSql, OUTSTANDING_SQL, TODAY_FROM } from "./agreements.server";
import { AGREEMENT_STATUSES, STATUS_ORDER, type AgreementStatus, type AgreementType } from "./constants";

/**
 * Every agreement of the user's live customers, for "what do I need to renew
 * this month": by default the ones expiring soon first, then active, upcoming,
 * suspended, expired and terminated, each soonest end first; or one computed
 * status. Keyset pages; the counts per status come in the same statement.
 */

const STATUS_RANK = Prisma.sql`array_position(ARRAY[${Prisma.join([...STATUS_ORDER])}]::text[], r.status)`;
// Open-ended agreements end last.
const END_KEY = Prisma.sql`coalesce(r.end_date, 'infinity'::date)`;

export const ACROSS_PAGE_SIZE = 50;

export interface AgreementAcrossRow {
  id: string;
  customerId: string;
  customerName: string;
  scope: string;
  type: AgreementType;
  startDate: string | null;
  endDate: string | null;
  status: AgreementStatus;
  daysLeft: number | null;
  outstanding: string;
}

export type AgreementStatusCounts = StatusCountsOf<AgreementStatus>;

export interface AgreementsAcross {
  rows: AgreementAcrossRow[];
  counts: AgreementStatusCounts;
  nextCursor: string | null;
}

type CursorKey = [rank: number, endKey: string, id: string];

function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A cursor this page made, or null (then the first page is shown). */
export function decodeAcrossCursor(raw: string | null): CursorKey | null {
  if (!raw || raw.length > 200) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(key) || key.length !== 3) return null;
    const [rank, endKey, id] = key as unknown[];
    const isEndKey = typeof endKey === "string" && (endKey === "infinity" || /^\d{4}-\d{2}-\d{2}$/.test(endKey));
    if (!Number.isInteger(rank) || (rank as number) < 1 || (rank as number) > STATUS_ORDER.length || !isEndKey || !isUuid(id)) {
      return null;
    }
    if (endKey !== "infinity" && Number.isNaN(Date.parse(endKey as string))) return null;
    return [rank as number, endKey as string, id];
  } catch {
    return null;
  }
}

export async function listAgreementsAcrossCustomers(
  userId: string,
  { status, cursor }: { status?: AgreementStatus; cursor?: CursorKey | null },
): Promise<AgreementsAcross> {
  if (!isUuid(userId)) return { rows: [], counts: statusCounts(AGREEMENT_STATUSES), nextCursor: null };
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (status) conditions.push(Prisma.sql`r.status = ${status}`);
  if (cursor) {
    conditions.push(Prisma.sql`(${STATUS_RANK}, ${END_KEY}, r.id) > (${cursor[0]}::int, ${cursor[1]}::date, ${cursor[2]}::uuid)`);
  }
  // r holds what sorting, filtering and counting need, for every agreement:
  // narrow columns from one index and the inlined status, no join. Scope,
  // type, start, the customer's name and the money are read for the page's
  // rows only, after the LIMIT.
  const rows = await asUser(userId, (db) => db.$queryRaw<Array<AgreementAcrossRow & { rank: number; endKey: string; counts: Array<{ status: AgreementStatus; n: number }> }>>`
    WITH r AS (
      SELECT a.id, a.customer_id, a.end_date, t.today, ${agreementStatusSql()} AS status
        FROM customer_agreements a
       CROSS JOIN ${TODAY_FROM}
       WHERE ${ofLiveCustomers(userId)}
    )
    SELECT p.id, p.customer_id AS "customerId", c.name AS "customerName", x.scope, x.type,
           x.start_date::text AS "startDate", p.end_date::text AS "endDate", p.status, (p.end_date - p.today) AS "daysLeft",
           (SELECT ${OUTSTANDING_SQL} FROM (${agreementMoneySql(Prisma.sql`p.id`)}) m) AS outstanding,
           p.rank, p.end_key::text AS "endKey", p.counts
      FROM (SELECT r.*, ${STATUS_RANK} AS rank, ${END_KEY} AS end_key,
                   (SELECT coalesce(json_agg(s), '[]'::json) FROM (SELECT status, count(*)::int AS n FROM r GROUP BY status) s) AS counts
              FROM r
             WHERE ${Prisma.join(conditions, " AND ")}
             ORDER BY ${STATUS_RANK}, ${END_KEY}, r.id
             LIMIT ${ACROSS_PAGE_SIZE + 1}) p
      JOIN customer_agreements x ON x.id = p.id
      JOIN customers c ON c.id = p.customer_id
     ORDER BY p.rank, p.end_key, p.id`);

  const counts = statusCounts(AGREEMENT_STATUSES, rows[0]?.counts ?? (await countAcross(userId)));
  const page = rows.slice(0, ACROSS_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ rank: _rank, endKey: _endKey, counts: _counts, ...row }) => row),
    counts,
    nextCursor: rows.length > ACROSS_PAGE_SIZE && last ? encodeCursor([last.rank, last.endKey, last.id]) : null,
  };
}

/** The counts alone, for a page with no rows (a filter or a cursor past the end). */
async function countAcross(userId: string) {
  return asUser(userId, (db) => db.$queryRaw<Array<{ status: AgreementStatus; n: number }>>`
    SELECT ${agreementStatusSql()} AS status, count(*)::int AS n
      FROM customer_agreements a
     CROSS JOIN ${TODAY_FROM}
     WHERE ${ofLiveCustomers(userId)}
     GROUP BY 1`);
}

/**
 * The user's agreements `a` whose customer is live. Archived customers are
 * few: leaving out their ids (archived_customer_ids(), a hashed NOT IN) costs
 * far less than joining every live customer (migration archived_customer_ids).
 */
function ofLiveCustomers(userId: string): Prisma.Sql {
  return Prisma.sql`a.user_id = ${userId}::uuid AND a.customer_id NOT IN (SELECT archived_customer_ids())`;
}
