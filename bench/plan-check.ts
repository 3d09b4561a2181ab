import type pg from "pg";
import { likePattern, listPageQuery, statusCountsQuery, type ListFilter, type Query } from "./list-query";

/**
 * EXPLAIN (ANALYZE) of the list page's queries as the app runs them: as the
 * role `customers_app` with `app.user_id` set (row-level security), inside a
 * transaction that is rolled back. A sequential scan on customers fails the bench.
 */

const APP_ROLE = "customers_app";

export interface PlanResult {
  name: string;
  /** Scans in the plan: "customers: Index Scan using idx_…". */
  scans: string[];
  seqScanOnCustomers: boolean;
  /** Sequential scans on other tables (worth a look, not fatal). */
  otherSeqScans: string[];
  executionMs: number;
}

export interface PlanCheck {
  /** "customers_app with app.user_id" or why the owner was used. */
  ranAs: string;
  results: PlanResult[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode, into: Array<{ relation: string | undefined; description: string }> = []) {
  if (node["Relation Name"] || node["Index Name"]) {
    const index = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
    into.push({ relation: node["Relation Name"], description: `${node["Relation Name"] ?? "(index)"}: ${node["Node Type"]}${index}` });
  }
  for (const child of node.Plans ?? []) scansOf(child, into);
  return into;
}

async function explain(client: pg.Client, query: Query, userId: string, asAppRole: boolean): Promise<{ plan: PlanNode; ms: number }> {
  await client.query("BEGIN");
  try {
    if (asAppRole) await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await client.query("SELECT set_config('app.user_id', $1, true)", [userId]);
    const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
      query.values,
    );
    const top = rows[0]?.["QUERY PLAN"][0];
    if (!top) throw new Error("EXPLAIN returned no plan");
    return { plan: top.Plan, ms: top["Execution Time"] };
  } finally {
    await client.query("ROLLBACK");
  }
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

// What search_customer_ids() runs as the owner (migration search_under_rls), when the
// database has it: its plan is invisible from outside the function.
const SEARCH_MATCH = `SELECT id FROM customers WHERE user_id = $1 AND deleted_at IS NULL AND name ILIKE $2 LIMIT $3`;

async function hasSearchFunction(client: pg.Client): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_proc WHERE proname = 'search_customer_ids'");
  return Boolean(rowCount);
}

/** `searches`: a common term (walks the user's rows in page order) and a rare one (the trigram index's case). */
export async function checkPlans(client: pg.Client, userId: string, searches: string[]): Promise<PlanCheck> {
  const queries: Array<[string, Query, { asOwner?: boolean }?]> = [
    ["list page", listPageQuery(userId, {})],
    ["list status counts", statusCountsQuery(userId, {})],
  ];
  const withSearchFunction = await hasSearchFunction(client);
  for (const q of searches) {
    queries.push([`search "${q}" page`, listPageQuery(userId, { q })]);
    queries.push([`search "${q}" status counts`, statusCountsQuery(userId, { q })]);
    if (withSearchFunction) {
      queries.push([`search "${q}" match in search_customer_ids (as owner)`, { text: SEARCH_MATCH, values: [userId, likePattern(q), 201] }, { asOwner: true }]);
    }
  }
  queries.push(["status=live page", listPageQuery(userId, { status: "live" })]);
  queries.push(["page 50 (keyset cursor)", listPageQuery(userId, { after: await cursorBefore(client, userId, 50) })]);

  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
  let asAppRole = Boolean(rowCount);
  let ranAs = asAppRole ? `${APP_ROLE} with app.user_id set (row-level security applies)` : `the owner: role ${APP_ROLE} does not exist yet (no RLS in the plans)`;
  if (asAppRole) {
    try {
      await explain(client, queries[0]![1], userId, true);
    } catch (error) {
      asAppRole = false;
      ranAs = `the owner: EXPLAIN as ${APP_ROLE} failed (${(error as Error).message})`;
    }
  }

  const results: PlanResult[] = [];
  for (const [name, query, options] of queries) {
    const asRole = asAppRole && !options?.asOwner;
    await explain(client, query, userId, asRole); // warms the cache: the second run's time is the one reported
    const { plan, ms } = await explain(client, query, userId, asRole);
    const scans = scansOf(plan);
    results.push({
      name,
      scans: [...new Set(scans.map((scan) => scan.description))],
      seqScanOnCustomers: scans.some((scan) => scan.relation === "customers" && scan.description.includes("Seq Scan")),
      otherSeqScans: scans.filter((scan) => scan.relation !== "customers" && scan.description.includes("Seq Scan")).map((scan) => scan.description),
      executionMs: ms,
    });
  }
  return { ranAs, results };
}
