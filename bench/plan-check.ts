import type pg from "pg";
import { listPageQuery, statusCountsQuery, type ListFilter, type Query } from "./list-query";

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

export async function checkPlans(client: pg.Client, userId: string, search: string): Promise<PlanCheck> {
  const queries: Array<[string, Query]> = [
    ["list page", listPageQuery(userId, {})],
    ["list status counts", statusCountsQuery(userId, {})],
    [`search "${search}" page`, listPageQuery(userId, { q: search })],
    [`search "${search}" status counts`, statusCountsQuery(userId, { q: search })],
    ["status=live page", listPageQuery(userId, { status: "live" })],
    ["page 50 (keyset cursor)", listPageQuery(userId, { after: await cursorBefore(client, userId, 50) })],
  ];

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
  for (const [name, query] of queries) {
    const { plan, ms } = await explain(client, query, userId, asAppRole);
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
