/**
 * The customer list's SQL as app/customers/customers.server.ts builds it
 * (listCustomers and countByStatus, default sort: updated_at, newest first),
 * replicated with numbered parameters for the baseline and the plan check.
 * Keep it in step with the app's query.
 */

export interface ListFilter {
  status?: string;
  q?: string;
  /** Keyset cursor of a next page: the last row's updated key and id. */
  after?: { updatedKey: string; id: string };
}

export interface Query {
  text: string;
  values: unknown[];
}

const STATUSES = ["lead", "prospect", "negotiation", "live", "on_hold", "archive"];
const UPDATED_KEY = "coalesce(c.updated_at, '-infinity'::timestamptz)";

/** LIKE wildcards in the search are literal characters. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function whereClause(userId: string, filter: ListFilter, values: unknown[]): string {
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions = [`c.user_id = ${param(userId)}::uuid`, "c.deleted_at IS NULL"];
  if (filter.status) conditions.push(`c.status = ${param(filter.status)}`);
  if (filter.q) conditions.push(`c.name ILIKE ${param(likePattern(filter.q))}`);
  if (filter.after) {
    conditions.push(`(${UPDATED_KEY}, c.id) < (${param(filter.after.updatedKey)}::timestamptz, ${param(filter.after.id)}::uuid)`);
  }
  return conditions.join(" AND ");
}

/** One page (limit + 1 rows, as the app reads to know whether a next page exists). */
export function listPageQuery(userId: string, filter: ListFilter, pageSize = 25): Query {
  const values: unknown[] = [];
  const where = whereClause(userId, filter, values);
  const statuses = STATUSES.map((status) => `$${values.push(status)}`).join(", ");
  const limit = `$${values.push(pageSize + 1)}`;
  const text = `
    SELECT c.id, c.user_id AS "userId", c.name, c.status, c.info,
           c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
           c.info->>'vertical' AS vertical,
           c.info->'product'->>'name' AS "productName",
           CASE WHEN jsonb_typeof(c.info->'team') = 'array' THEN jsonb_array_length(c.info->'team') ELSE 0 END AS "teamSize",
           (SELECT max(e.event_date) FROM customer_events e WHERE e.customer_id = c.id) AS "lastInteractionAt",
           ${UPDATED_KEY}::text AS "updatedKey", coalesce(c.created_at, '-infinity'::timestamptz)::text AS "createdKey",
           array_position(ARRAY[${statuses}]::text[], c.status) AS "statusRank"
      FROM customers c
     WHERE ${where}
     ORDER BY ${UPDATED_KEY} DESC, c.id DESC
     LIMIT ${limit}`;
  return { text, values };
}

/** The status filter bar's counts, under the same search. */
export function statusCountsQuery(userId: string, filter: Pick<ListFilter, "q">): Query {
  const values: unknown[] = [];
  const text = `SELECT c.status, count(*)::int AS n FROM customers c WHERE ${whereClause(userId, filter, values)} GROUP BY c.status`;
  return { text, values };
}
