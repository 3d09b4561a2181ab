import type { Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { agreementStatusSql, TODAY_FROM } from "./agreements.server";
import type { AgreementStatus } from "./constants";

/**
 * How many of the user's agreements (of live customers) are in each computed
 * status, for /agreements' filter bar. Counting computes every agreement's
 * status, so the counts are stored per user (migration
 * agreement_status_counts) with the version of the data and the day they
 * were counted from; triggers bump the version on every agreement write and
 * on archive or restore. A page reads the stored counts in its own statement
 * (STORED_COUNTS) and recounts only when they are stale.
 */

export type StatusCountRows = Array<{ status: AgreementStatus; n: number }>;

/** What STORED_COUNTS selects: the counts when current, else null, and the version to store new ones under. */
export interface StoredCounts {
  version: number;
  counts: StatusCountRows | null;
}

/**
 * A scalar subquery for a statement that has TODAY_FROM's `t`: the user's
 * stored counts as `StoredCounts` (null when the user has no row).
 */
export function storedCountsSql(userId: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('version', s.version,
            'counts', CASE WHEN s.counted_version = s.version AND s.counted_on = t.today THEN s.counts END)
       FROM agreement_status_counts s WHERE s.user_id = ${userId}::uuid)`;
}

/** The user's agreements `a` whose customer is live (archived customers are few: a hashed NOT IN). */
function ofLiveCustomers(userId: string): Prisma.Sql {
  return Prisma.sql`a.user_id = ${userId}::uuid AND a.customer_id NOT IN (SELECT archived_customer_ids())`;
}

/**
 * The current counts: the stored ones, or counted now and stored under the
 * version the caller read. A write that raced the count has bumped the
 * version, so the UPDATE's `version =` test (re-checked under the row lock)
 * leaves its row alone and the next page counts again.
 */
export async function currentStatusCounts(db: Db, userId: string, stored: StoredCounts | null): Promise<StatusCountRows> {
  if (stored?.counts) return stored.counts;
  const [row] = await db.$queryRaw<Array<{ counts: StatusCountRows }>>`
    WITH counted AS (
      SELECT t.today,
             (SELECT coalesce(jsonb_agg(g), '[]'::jsonb)
                FROM (SELECT ${agreementStatusSql()} AS status, count(*)::int AS n
                        FROM customer_agreements a
                       WHERE ${ofLiveCustomers(userId)}
                       GROUP BY 1) g) AS counts
        FROM ${TODAY_FROM}
    ), stored AS (
      UPDATE agreement_status_counts s
         SET counts = counted.counts, counted_version = s.version, counted_on = counted.today
        FROM counted
       WHERE s.user_id = ${userId}::uuid AND s.version = ${stored?.version ?? null}::bigint
    )
    SELECT counts FROM counted`;
  return row?.counts ?? [];
}
