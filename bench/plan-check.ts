import type pg from "pg";
import { likePattern, listPageQuery, searchIdsQuery, selectiveIds, type ListFilter, type Query } from "./list-query";

/**
 * EXPLAIN (ANALYZE) of the list page's statement as the app runs it now: the
 * page with its status counts in one statement, and for a search of 3+
 * characters, first search_customer_ids() and then the page with
 * `c.id = ANY(ids)` when it returned 200 ids or fewer. As the role
 * `customers_app` with `app.user_id` set (row-level security), inside a
 * transaction that is rolled back. A sequential scan on customers,
 * customer_receivables, customer_projects or customer_artifacts fails the bench.
 */

export const APP_ROLE = "customers_app";

/** Tables a sequential scan of fails the full bench: they grow with every customer. */
export const FATAL_SEQ_SCANS = ["customers", "customer_receivables", "customer_projects", "customer_artifacts"];

export interface PlanResult {
  name: string;
  /** Scans in the plan: "customers: Index Scan using idx_…", "counts › customers: …" for the counts subquery. */
  scans: string[];
  /** The tables of FATAL_SEQ_SCANS the plan reads with a sequential scan: any fails the full bench. */
  fatalSeqScans: string[];
  /** Sequential scans on other tables (worth a look, not fatal). */
  otherSeqScans: string[];
  executionMs: number;
}

export interface PlanCheck {
  /** "customers_app with app.user_id" or why the owner was used. */
  ranAs: string;
  results: PlanResult[];
}

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Subplan Name"?: string;
  "Index Cond"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

export interface Scan {
  relation: string | undefined;
  index: string | undefined;
  nodeType: string;
  /** Whether the name's ILIKE is an index condition (the trigram part of the index in use), not a filter. */
  ilikeInIndex: boolean;
  /** True under the "statusCounts" InitPlan (the counts subquery). */
  inCounts: boolean;
  description: string;
}

export function scansOf(node: PlanNode, inCounts = false, into: Scan[] = [], depth = 0): Scan[] {
  // The counts are an InitPlan of the top node; max(event_date) makes InitPlans deeper down.
  const counts = inCounts || (depth === 1 && Boolean(node["Subplan Name"]?.startsWith("InitPlan")));
  if (node["Relation Name"] || node["Index Name"]) {
    const index = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
    into.push({
      relation: node["Relation Name"],
      index: node["Index Name"],
      nodeType: node["Node Type"],
      ilikeInIndex: Boolean(node["Index Cond"]?.includes("~~*")),
      inCounts: counts,
      description: `${counts ? "counts › " : ""}${node["Relation Name"] ?? "(index)"}: ${node["Node Type"]}${index}`,
    });
  }
  for (const child of node.Plans ?? []) scansOf(child, counts, into, depth + 1);
  return into;
}

/** "owner": the table owner, no RLS. "app": customers_app, RLS applies. Both set app.user_id. */
export type Role = "owner" | "app";

/** Runs `work` in a transaction as `role` with app.user_id set, then rolls back. */
export async function asRole<T>(
  client: pg.Client,
  userId: string,
  role: Role,
  work: () => Promise<T>,
  settings: string[] = [],
): Promise<T> {
  await client.query("BEGIN");
  try {
    // Superuser-only settings (auto_explain) come before the role change.
    for (const setting of settings) await client.query(setting);
    if (role === "app") await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await client.query("SELECT set_config('app.user_id', $1, true)", [userId]);
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

export interface Explained {
  plan: PlanNode;
  ms: number;
  /** Shared buffers hit or read by the whole statement. */
  buffers: number;
  /** What `build` noted (e.g. how many ids the match returned). */
  note: string;
}

/** A query to explain, built inside the transaction (so it can call search_customer_ids first, as the app does). */
export type QueryBuilder = (client: pg.Client) => Promise<{ query: Query; note?: string }>;

export async function explainAs(client: pg.Client, userId: string, role: Role, build: QueryBuilder): Promise<Explained> {
  return asRole(client, userId, role, async () => {
    const { query, note = "" } = await build(client);
    const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`,
      query.values,
    );
    const top = rows[0]?.["QUERY PLAN"][0];
    if (!top) throw new Error("EXPLAIN returned no plan");
    const buffers = (top.Plan["Shared Hit Blocks"] ?? 0) + (top.Plan["Shared Read Blocks"] ?? 0);
    return { plan: top.Plan, ms: top["Execution Time"], buffers, note };
  });
}

const fixed = (query: Query): QueryBuilder => () => Promise.resolve({ query });

/**
 * The list page's statement as the app builds it: a search of 3+ characters
 * first asks search_customer_ids() (in the same transaction, as customers_app)
 * and, with 200 ids or fewer, the page adds `c.id = ANY(ids)` to the ILIKE; a
 * search's counts come from search_customer_status_counts().
 */
export function appListPage(userId: string, filter: Omit<ListFilter, "ids">): QueryBuilder {
  return async (client) => {
    if (!filter.q) return { query: listPageQuery(userId, filter, { counts: true, countsBySearchFunction: true }) };
    const match = searchIdsQuery(filter.q);
    const { rows } = await client.query<{ id: string }>(match.text, match.values);
    const ids = selectiveIds(filter.q, rows);
    const note = ids ? `id list: ${ids.length} ids` : `walk: ${rows.length > 200 ? "over 200 matches" : "under 3 characters"}`;
    return { query: listPageQuery(userId, { ...filter, ids }, { counts: true, countsBySearchFunction: true }), note };
  };
}

/** The keyset cursor the app would hand out for page `page` (the last row of page - 1). */
async function cursorBefore(client: pg.Client, userId: string, page: number): Promise<ListFilter["after"]> {
  const { rows } = await client.query<{ updatedKey: string; id: string }>(
    `SELECT coalesce(updated_at, '-infinity'::timestamptz)::text AS "updatedKey", id FROM customers
      WHERE user_id = $1 AND deleted_at IS NULL
      ORDER BY coalesce(updated_at, '-infinity'::timestamptz) DESC, id DESC OFFSET $2 LIMIT 1`,
    [userId, (page - 1) * 25 - 1],
  );
  return rows[0];
}

// What search_customer_ids() runs as the owner (migration search_under_rls): its plan is
// invisible from outside the function (the RLS table reads it through auto_explain).
export const SEARCH_MATCH = `SELECT id FROM customers WHERE user_id = $1 AND deleted_at IS NULL AND name ILIKE $2 LIMIT $3`;

async function hasSearchFunction(client: pg.Client): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_proc WHERE proname = 'search_customer_ids'");
  return Boolean(rowCount);
}

/** `searches`: a common term (walks the user's rows in page order) and a rare one (the id list's case). */
/** `extra`: more statements to explain the same way (the receivables', see receivable-plans.ts). */
export async function checkPlans(
  client: pg.Client,
  userId: string,
  searches: string[],
  extra: Array<[string, QueryBuilder]> = [],
): Promise<PlanCheck> {
  const withSearchFunction = await hasSearchFunction(client);
  const page = (filter: Omit<ListFilter, "ids">): QueryBuilder =>
    withSearchFunction ? appListPage(userId, filter) : fixed(listPageQuery(userId, filter, { counts: true }));
  const queries: Array<[string, QueryBuilder, { asOwner?: boolean }?]> = [["list page with its counts", page({})]];
  for (const q of searches) {
    queries.push([`search "${q}" page with its counts`, page({ q })]);
    if (withSearchFunction) {
      queries.push([`search "${q}" match in search_customer_ids (as owner)`, fixed({ text: SEARCH_MATCH, values: [userId, likePattern(q), 201] }), { asOwner: true }]);
    }
  }
  queries.push(["status=live page with its counts", page({ status: "live" })]);
  queries.push(["page 50 (keyset cursor) with its counts", page({ after: await cursorBefore(client, userId, 50) })]);
  queries.push(...extra);

  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
  let asAppRole = Boolean(rowCount);
  let ranAs = asAppRole ? `${APP_ROLE} with app.user_id set (row-level security applies)` : `the owner: role ${APP_ROLE} does not exist yet (no RLS in the plans)`;
  if (asAppRole) {
    try {
      await explainAs(client, userId, "app", queries[0]![1]);
    } catch (error) {
      asAppRole = false;
      ranAs = `the owner: EXPLAIN as ${APP_ROLE} failed (${(error as Error).message})`;
    }
  }

  const results: PlanResult[] = [];
  for (const [name, build, options] of queries) {
    const role: Role = asAppRole && !options?.asOwner ? "app" : "owner";
    await explainAs(client, userId, role, build); // warms the cache: the second run's time is the one reported
    const { plan, ms, note } = await explainAs(client, userId, role, build);
    const scans = scansOf(plan);
    results.push({
      name: note ? `${name} [${note}]` : name,
      scans: [...new Set(scans.map((scan) => scan.description))],
      fatalSeqScans: FATAL_SEQ_SCANS.filter((table) => scans.some((scan) => scan.relation === table && scan.nodeType === "Seq Scan")),
      otherSeqScans: scans
        .filter((scan) => !FATAL_SEQ_SCANS.includes(scan.relation ?? "") && scan.nodeType === "Seq Scan")
        .map((scan) => scan.description),
      executionMs: ms,
    });
  }
  return { ranAs, results };
}
