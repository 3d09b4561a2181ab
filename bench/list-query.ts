/**
 * The customer list's SQL as app/customers/list.server.ts builds it
 * (listCustomers with { counts: true }, default sort: updated_at, newest first,
 * and search_customer_ids for a search of 3+ characters), replicated with
 * numbered parameters for the baseline, the plan check and the RLS table.
 * Keep it in step with the app's query.
 */

export interface ListFilter {
  status?: string;
  q?: string;
  /** The ids search_customer_ids() returned, when 200 or fewer: the app adds `c.id = ANY(ids)`. */
  ids?: string[];
  /** Keyset cursor of a next page: the last row's updated key and id. */
  after?: { updatedKey: string; id: string };
}

export interface Query {
  text: string;
  values: unknown[];
}

const STATUSES = ["lead", "prospect", "negotiation", "live", "on_hold", "archive"];
/** INTERACTION_EVENT_TYPES: what LAST_INTERACTION_SQL counts as an interaction. */
const INTERACTION_TYPES = ["meeting", "call", "email", "note"];
const UPDATED_KEY = "coalesce(c.updated_at, '-infinity'::timestamptz)";

/** Up to this many matches the app lists a search by id (SELECTIVE_SEARCH); it asks the function for one more. */
export const SELECTIVE_SEARCH = 200;
/** Shorter searches never call search_customer_ids (trigrams need three characters). */
export const TRIGRAM_MIN_LENGTH = 3;

/** LIKE wildcards in the search are literal characters. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function whereClause(userId: string, filter: ListFilter, values: unknown[]): string {
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions = [`c.user_id = ${param(userId)}::uuid`, "c.deleted_at IS NULL"];
  if (filter.status) conditions.push(`c.status = ${param(filter.status)}`);
  if (filter.q) {
    if (filter.ids) conditions.push(`c.id = ANY(${param(filter.ids)}::uuid[])`);
    conditions.push(`c.name ILIKE ${param(likePattern(filter.q))}`);
  }
  if (filter.after) {
    conditions.push(`(${UPDATED_KEY}, c.id) < (${param(filter.after.updatedKey)}::timestamptz, ${param(filter.after.id)}::uuid)`);
  }
  return conditions.join(" AND ");
}

/**
 * One page (limit + 1 rows, as the app reads to know whether a next page
 * exists). With `counts` (the list page), the counts per status under the same
 * search come back as the uncorrelated scalar column "statusCounts". With
 * `countsBySearchFunction` (the app's design), a search's counts come from
 * search_customer_status_counts() and the others from the stored
 * customer_status_counts, instead of a count through RLS.
 */
export function listPageQuery(
  userId: string,
  filter: ListFilter,
  { pageSize = 25, counts = false, countsBySearchFunction = false } = {},
): Query {
  const values: unknown[] = [];
  const where = whereClause(userId, filter, values);
  const statuses = STATUSES.map((status) => `$${values.push(status)}`).join(", ");
  const interactionTypes = INTERACTION_TYPES.map((type) => `$${values.push(type)}`).join(", ");
  // Built only when asked for: each part numbers its own parameters.
  const countRows = () =>
    countsBySearchFunction && filter.q
      ? `SELECT status, n FROM search_customer_status_counts($${values.push(likePattern(filter.q))})`
      : countsBySearchFunction && !filter.ids
        ? `SELECT s.status, s.n FROM customer_status_counts s WHERE s.user_id = $${values.push(userId)}::uuid AND s.n <> 0`
        : `SELECT c.status, count(*)::int AS n FROM customers c
           WHERE ${whereClause(userId, { q: filter.q, ids: filter.ids }, values)} GROUP BY c.status`;
  const countsColumn = counts ? `, (SELECT coalesce(json_agg(s), '[]'::json) FROM (${countRows()}) s) AS "statusCounts"` : "";
  const limit = `$${values.push(pageSize + 1)}`;
  const text = `
    SELECT c.id, c.user_id AS "userId", c.name, c.status, c.info,
           c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
           c.info->>'vertical' AS vertical,
           c.info->'product'->>'name' AS "productName",
           CASE WHEN jsonb_typeof(c.info->'team') = 'array' THEN jsonb_array_length(c.info->'team') ELSE 0 END AS "teamSize",
           (SELECT max(e.event_date) FROM customer_events e
             WHERE e.user_id = c.user_id AND e.customer_id = c.id
               AND e.event_type IN (${interactionTypes}) AND e.event_date <= now()) AS "lastInteractionAt",
           coalesce((SELECT true FROM customer_agreements a CROSS JOIN (SELECT (SELECT app_today()) AS today OFFSET 0) t
                      WHERE a.user_id = c.user_id AND a.customer_id = c.id
                        AND agreement_status(a.start_date, a.end_date, a.notice_days, a.override_status, t.today) = 'expiring_soon'
                      LIMIT 1), false) AS "expiringSoon",
           ${UPDATED_KEY}::text AS "updatedKey", coalesce(c.created_at, '-infinity'::timestamptz)::text AS "createdKey",
           array_position(ARRAY[${statuses}]::text[], c.status) AS "statusRank"${countsColumn}
      FROM customers c
     WHERE ${where}
     ORDER BY ${UPDATED_KEY} DESC, c.id DESC
     LIMIT ${limit}`;
  return { text, values };
}

/** The status filter bar's counts on their own (countByStatus: only for an empty page). */
export function statusCountsQuery(userId: string, filter: Pick<ListFilter, "q" | "ids">): Query {
  const values: unknown[] = [];
  const text = `SELECT c.status, count(*)::int AS n FROM customers c WHERE ${whereClause(userId, filter, values)} GROUP BY c.status`;
  return { text, values };
}

/** What the app asks first for a search of 3+ characters (selectiveMatches): as customers_app, app.user_id set. */
export function searchIdsQuery(q: string): Query {
  return {
    text: "SELECT id::text AS id FROM search_customer_ids($1, $2::int) AS id",
    values: [likePattern(q), SELECTIVE_SEARCH + 1],
  };
}

/** The ids to add to the page query, or undefined when the app walks (short or common search). */
export function selectiveIds(q: string | undefined, rows: Array<{ id: string }>): string[] | undefined {
  if (!q || q.length < TRIGRAM_MIN_LENGTH || rows.length > SELECTIVE_SEARCH) return undefined;
  return rows.map((row) => row.id);
}
