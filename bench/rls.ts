import type pg from "pg";
import { listPageQuery, searchIdsQuery } from "./list-query";
import { APP_ROLE, appListPage, asRole, explainAs, scansOf, type PlanNode, type QueryBuilder, type Role, type Scan } from "./plan-check";

/**
 * "Row-level security: list and search with and without RLS": the list page's
 * statement (with its counts), a common and a rare search, each EXPLAIN
 * ANALYZEd (median of `runs` warm runs) in three ways:
 *   (i)   as the owner (no RLS), plain ILIKE: the trigram index is usable;
 *   (ii)  as customers_app with app.user_id (RLS on), plain ILIKE: the naive design;
 *   (iii) as customers_app, the app's design: search_customer_ids() first, then
 *         the page with `c.id = ANY(ids)` when it returned 200 ids or fewer.
 * Plus `SELECT count(*) FROM search_customer_ids(pattern, 201)` as customers_app,
 * with the plan of the match inside the function (auto_explain, as a notice).
 * Every transaction is rolled back.
 */

export interface RlsCell {
  ms: number;
  buffers: number;
  /** The indexes (or sequential scans) on customers: the page's, then the counts'. */
  access: string;
  note: string;
}

export interface RlsRow {
  name: string;
  cells: [RlsCell, RlsCell, RlsCell];
}

export interface MatchRow {
  q: string;
  ms: number;
  matches: number;
  /** The match's plan inside the function, from auto_explain; "" when auto_explain is unavailable. */
  inside: string;
}

export interface RlsTable {
  perUser: number;
  runs: number;
  rows: RlsRow[];
  matches: MatchRow[];
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const SHORT: Record<string, string> = {
  "Index Scan": "index scan",
  "Index Only Scan": "index-only",
  "Bitmap Index Scan": "bitmap",
  "Seq Scan": "SEQ SCAN",
};

/** "idx (bitmap, ILIKE in index)": for a trigram index, whether the name's ILIKE is searched in it or only user_id. */
function describe(scan: Scan): string {
  const trigram = scan.index?.includes("trgm") ? (scan.ilikeInIndex ? ", ILIKE in index" : ", user_id only") : "";
  return `${scan.index ?? "customers"} (${SHORT[scan.nodeType] ?? scan.nodeType}${trigram})`;
}

/** "page: idx_a (index scan); counts: idx_b (index-only)": the customers accesses, not customer_events'. */
function accessOf(plan: PlanNode): string {
  const parts = { page: new Set<string>(), counts: new Set<string>() };
  for (const scan of scansOf(plan)) {
    if (scan.relation === "customer_events" || scan.index?.startsWith("idx_customer_events")) continue;
    if (!scan.index && scan.nodeType !== "Seq Scan") continue; // a Bitmap Heap Scan: its index is named below it
    parts[scan.inCounts ? "counts" : "page"].add(describe(scan));
  }
  return (["page", "counts"] as const)
    .filter((part) => parts[part].size)
    .map((part) => `${part}: ${[...parts[part]].join(" + ")}`)
    .join("; ");
}

async function measure(client: pg.Client, userId: string, role: Role, build: QueryBuilder, runs: number): Promise<RlsCell> {
  await explainAs(client, userId, role, build); // warm-up, not counted
  const explained = [];
  for (let run = 0; run < runs; run++) explained.push(await explainAs(client, userId, role, build));
  const last = explained.at(-1)!;
  return {
    ms: median(explained.map((result) => result.ms)),
    buffers: median(explained.map((result) => result.buffers)),
    access: accessOf(last.plan),
    note: last.note,
  };
}

/** The plan of the statement that search_customer_ids() runs, through auto_explain (a superuser may LOAD it). */
async function planInsideMatch(client: pg.Client, userId: string, q: string): Promise<string> {
  try {
    await client.query("LOAD 'auto_explain'");
  } catch {
    return "";
  }
  const notices: string[] = [];
  const listener = (notice: { message?: string }) => notices.push(notice.message ?? "");
  client.on("notice", listener);
  try {
    const query = searchIdsQuery(q);
    await asRole(client, userId, "app", () => client.query(query.text, query.values), [
      "SET LOCAL auto_explain.log_min_duration = 0",
      "SET LOCAL auto_explain.log_nested_statements = on",
      "SET LOCAL auto_explain.log_level = notice",
      "SET LOCAL auto_explain.log_format = json",
    ]);
  } finally {
    client.off("notice", listener);
  }
  for (const message of notices) {
    const json = message.slice(message.indexOf("{"));
    try {
      const logged = JSON.parse(json) as { "Query Text": string; Plan: PlanNode };
      if (logged["Query Text"].startsWith("SELECT id FROM customers")) {
        const scans = scansOf(logged.Plan).filter((scan) => scan.index || scan.nodeType === "Seq Scan");
        return scans.map(describe).join(" + ");
      }
    } catch {
      // another notice
    }
  }
  return "";
}

export async function measureRls(
  client: pg.Client,
  userId: string,
  searches: { common: string; rare: string },
  runs = 5,
): Promise<RlsTable> {
  const { rows: [size] } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM customers WHERE user_id = $1 AND deleted_at IS NULL",
    [userId],
  );
  const cases: Array<[string, string | undefined]> = [
    ["list page (with counts)", undefined],
    [`common search "${searches.common}"`, searches.common],
    [`rare search "${searches.rare}"`, searches.rare],
  ];
  const rows: RlsRow[] = [];
  for (const [name, q] of cases) {
    const plain: QueryBuilder = () => Promise.resolve({ query: listPageQuery(userId, { q }, { counts: true }) });
    rows.push({
      name,
      cells: [
        await measure(client, userId, "owner", plain, runs),
        await measure(client, userId, "app", plain, runs),
        await measure(client, userId, "app", appListPage(userId, { q }), runs),
      ],
    });
  }

  const matches: MatchRow[] = [];
  for (const q of [searches.common, searches.rare]) {
    const query = searchIdsQuery(q);
    const count: QueryBuilder = () =>
      Promise.resolve({ query: { text: `SELECT count(*) FROM (${query.text}) m`, values: query.values } });
    const times: number[] = [];
    await explainAs(client, userId, "app", count);
    for (let run = 0; run < runs; run++) times.push((await explainAs(client, userId, "app", count)).ms);
    const found = await asRole(client, userId, "app", () => client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${query.text}) m`, query.values));
    matches.push({ q, ms: median(times), matches: found.rows[0]?.n ?? 0, inside: await planInsideMatch(client, userId, q) });
  }
  return { perUser: size?.n ?? 0, runs, rows, matches };
}

export function rlsReport(table: RlsTable, totalCustomers: number): string {
  const cell = (value: RlsCell) =>
    `${value.ms.toFixed(1)} ms, ${value.buffers.toLocaleString("en-US")} buf${value.note ? ` [${value.note}]` : ""}: ${value.access}`;
  const lines = [
    `### Row-level security: list and search with and without RLS`,
    "",
    `${totalCustomers.toLocaleString("en-US")} customers; the bench user has ${table.perUser.toLocaleString("en-US")} live ones. ` +
      `EXPLAIN (ANALYZE, BUFFERS) execution time, median of ${table.runs} warm runs, and the indexes on customers (page; counts subquery). ` +
      `(i) as the owner postgres, no RLS, plain ILIKE; (ii) as ${APP_ROLE} with app.user_id set in a transaction (RLS on), plain ILIKE; ` +
      `(iii) as ${APP_ROLE}, the app's design: search_customer_ids() first, then \`c.id = ANY(ids)\` with the ILIKE when it returned ≤ 200 ids ` +
      `(the time is the page statement's; the match's is in the second table). Every transaction rolled back.`,
    "",
    "| Query | (i) owner, no RLS | (ii) RLS, plain ILIKE | (iii) RLS, app design |",
    "|---|---|---|---|",
    ...table.rows.map((row) => `| ${row.name} | ${row.cells.map(cell).join(" | ")} |`),
    "",
    `| \`SELECT count(*) FROM search_customer_ids(pattern, 201)\` as ${APP_ROLE} | Execution ms (median) | Ids returned | Plan inside the function (auto_explain) |`,
    "|---|---:|---:|---|",
    ...table.matches.map((match) => `| "${match.q}" | ${match.ms.toFixed(1)} | ${match.matches} | ${match.inside || "n/a"} |`),
  ];
  return lines.join("\n");
}
