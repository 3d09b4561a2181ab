// npm run bench:tenancy [-- --customers N --per-customer N --runs N --keep]
//
// The child tables' row-level security before and after the migration that
// gives them their own user_id (docs/decisions/0007-child-tables-carry-user-id.md):
// a cross-customer aggregate over one user's receivables, as the app's role.
//
// It creates its own database (customers_bench_tenancy, or
// BENCH_TENANCY_DATABASE_URL), migrates it to just before that migration with
// the app's own runner, loads two users' customers and receivables with
// generate_series, times the queries, applies the migration, times them again,
// prints both and the ratio, and drops the database (unless --keep).
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseFromUrl } from "../app/db/connection.server";
import { migrate, readMigrations } from "../app/db/migrate.server";
import { assertBenchDatabase, databaseName, dropDatabase, ensureDatabase } from "./database";
import { APP_ROLE, asRole, explainAs, type PlanNode } from "./plan-check";
import { machineDescription } from "./report";
import { median } from "./rls";

const MIGRATION = "20261201090000_child_tenancy";
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");
const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/customers_bench_tenancy";

const USAGE = `Usage: npm run bench:tenancy [-- options]
  --customers N      customers per user (default 2000); 1 in 100 is archived
  --per-customer N   receivables per customer (default 100)
  --runs N           timed runs per query and state (default 7), after one warm-up
  --keep             leave the database in place afterwards
Environment: BENCH_TENANCY_DATABASE_URL (default ${DEFAULT_URL}); it is dropped and recreated.`;

interface Options {
  customers: number;
  perCustomer: number;
  runs: number;
  keep: boolean;
  url: string;
}

function readOptions(argv: string[]): Options {
  if (argv.includes("--help")) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    if (index === -1) return fallback;
    const value = Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a whole number (1 or more)\n${USAGE}`);
    return value;
  };
  const known = ["--customers", "--per-customer", "--runs", "--keep"];
  const unknown = argv.filter((arg) => arg.startsWith("--") && !known.includes(arg));
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(", ")}\n${USAGE}`);
  return {
    customers: number("--customers", 2_000),
    perCustomer: number("--per-customer", 100),
    runs: number("--runs", 7),
    keep: argv.includes("--keep"),
    url: process.env.BENCH_TENANCY_DATABASE_URL || DEFAULT_URL,
  };
}

/** The migrations up to `last` (inclusive or not), copied into a folder of their own for the app's runner. */
async function migrationsUpTo(last: string, inclusive: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "customers-bench-tenancy-"));
  await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const { name } of await readMigrations(MIGRATIONS_DIR)) {
    if (name < last || (inclusive && name === last)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

async function migrateWith(url: string, dir: string): Promise<string[]> {
  const database = databaseFromUrl(url);
  try {
    return (await migrate(database, { dir })).applied;
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const USER_EMAIL = "tenancy-user@bench.test";
const NEIGHBOUR_EMAIL = "tenancy-neighbour@bench.test";

/** Two users with the same amount of data; written before the migration, so children have no user_id yet. */
async function load(client: pg.Client, options: Options): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("INSERT INTO users (email, name) VALUES ($1, 'Tenancy bench user'), ($2, 'Tenancy bench neighbour')", [
      USER_EMAIL,
      NEIGHBOUR_EMAIL,
    ]);
    await client.query(
      `INSERT INTO customers (user_id, name, status, deleted_at)
       SELECT u.id, 'Customer ' || g, (ARRAY['lead', 'prospect', 'negotiation', 'live', 'on_hold', 'archive'])[1 + g % 6],
              CASE WHEN g % 100 = 0 THEN now() - interval '1 day' END
         FROM users u CROSS JOIN generate_series(1, $1::int) g`,
      [options.customers],
    );
    await client.query(
      `INSERT INTO customer_receivables (customer_id, type, amount, date, status)
       SELECT c.id, CASE WHEN k % 4 = 0 THEN 'payment' ELSE 'invoice' END, (k * 37) % 997 + 0.25,
              current_date - (k * 7) % 730, 'sent'
         FROM customers c CROSS JOIN generate_series(1, $1::int) k`,
      [options.perCustomer],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await client.query("VACUUM (ANALYZE) users, customers, customer_receivables");
}

interface Query {
  name: string;
  sql: string;
}

// The same text before and after: only the policies (and indexes) change under them.
const QUERIES: Query[] = [
  { name: "sum of the user's receivables", sql: "SELECT sum(amount)::text AS result FROM customer_receivables" },
  {
    name: "receivables per customer",
    sql: "SELECT count(*)::text AS result FROM (SELECT customer_id, count(*) FROM customer_receivables GROUP BY customer_id) per_customer",
  },
  {
    name: "sum over live customers only (the app's read)",
    sql: `SELECT sum(r.amount)::text AS result FROM customer_receivables r
            JOIN customers c ON c.id = r.customer_id WHERE c.deleted_at IS NULL`,
  },
];

interface Measured {
  /** Wall-clock median of the plain query, in the app role's transaction. */
  ms: number;
  /** EXPLAIN (ANALYZE, BUFFERS) of one more run: its execution time, buffers and the plan's shape. */
  explainMs: number;
  buffers: number;
  plan: string[];
  result: string;
}

type DetailedNode = PlanNode & {
  Filter?: string;
  "Recheck Cond"?: string;
  "Hash Cond"?: string;
  "Join Type"?: string;
  "Strategy"?: string;
  "Workers Launched"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: DetailedNode[];
};

/** The inlined helpers, folded back into their names so the plans stay readable. */
function readable(condition: string): string {
  return condition
    .replaceAll("(NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid", "app_user_id()")
    .replaceAll("(COALESCE(current_setting('app.archived'::text, true), ''::text) = 'on'::text)", "app_sees_archived()");
}

/** One line per plan node: type, relation/index, the conditions, rows. */
function planShape(node: DetailedNode, depth = 0, into: string[] = []): string[] {
  const parts = [node["Node Type"]];
  if (node.Strategy && node["Node Type"] === "Aggregate") parts[0] = `${node.Strategy} Aggregate`;
  if (node["Join Type"]) parts[0] = `${node["Join Type"]} ${parts[0]}`;
  if (node["Relation Name"]) parts.push(`on ${node["Relation Name"]}`);
  if (node["Index Name"]) parts.push(`using ${node["Index Name"]}`);
  for (const key of ["Index Cond", "Recheck Cond", "Hash Cond", "Filter"] as const) {
    if (node[key]) parts.push(`${key.toLowerCase()}: ${readable(node[key])}`);
  }
  if (node["Workers Launched"] !== undefined) parts.push(`${node["Workers Launched"]} workers`);
  // Per loop (a parallel worker's share is one loop): times the loops for the node's total, roughly.
  const loops = node["Actual Loops"] ?? 1;
  const rows = (node["Actual Rows"] ?? 0) * loops;
  const removed = (node["Rows Removed by Filter"] ?? 0) * loops;
  parts.push(`(${rows.toLocaleString("en-US")} rows${removed ? `, ${removed.toLocaleString("en-US")} removed by filter` : ""})`);
  into.push(`${"  ".repeat(depth)}${parts.join(" ")}`);
  for (const child of node.Plans ?? []) planShape(child, depth + 1, into);
  return into;
}

/** Settings for a measurement: none (what the planner picks), or no parallel workers. */
type Mode = "default" | "serial";
const SETTINGS: Record<Mode, string[]> = { default: [], serial: ["SET LOCAL max_parallel_workers_per_gather = 0"] };

async function measure(client: pg.Client, userId: string, query: Query, runs: number, mode: Mode): Promise<Measured> {
  const once = () =>
    asRole(
      client,
      userId,
      "app",
      async () => {
        const started = performance.now();
        const { rows } = await client.query<{ result: string }>(query.sql);
        return { ms: performance.now() - started, result: rows[0]?.result ?? "" };
      },
      SETTINGS[mode],
    );
  await once(); // warm-up, not counted
  const timed = [];
  for (let run = 0; run < runs; run++) timed.push(await once());
  const explained = await explainAs(client, userId, "app", async (inTransaction) => {
    for (const setting of SETTINGS[mode]) await inTransaction.query(setting);
    return { query: { text: query.sql, values: [] } };
  });
  return {
    ms: median(timed.map((run) => run.ms)),
    explainMs: explained.ms,
    buffers: explained.buffers,
    plan: planShape(explained.plan as DetailedNode),
    result: timed[0]!.result,
  };
}

async function measureAll(client: pg.Client, userId: string, runs: number, mode: Mode): Promise<Measured[]> {
  const results = [];
  for (const query of QUERIES) results.push(await measure(client, userId, query, runs, mode));
  return results;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const count = (value: number) => value.toLocaleString("en-US");

interface Results {
  before: Measured[];
  after: Measured[];
  afterSerial: Measured[];
}

function report(options: Options, sizes: Record<string, number>, version: string, migrationMs: number, results: Results): string {
  const cell = (value: Measured) => `${ms(value.ms)} (${ms(value.explainMs)}, ${count(value.buffers)})`;
  const lines = [
    `## Child-table RLS before and after ${MIGRATION}`,
    "",
    `${machineDescription(version)}. Database ${databaseName(options.url)}, created for the run.`,
    `The user: ${count(options.customers)} customers (${count(sizes.archived!)} archived), ${count(sizes.mine!)} receivables ` +
      `(${count(sizes.mineLive!)} under live customers); a neighbour with as many; ${count(sizes.total!)} receivables in all.`,
    `As ${APP_ROLE} with set_config('app.user_id', …, true) in a transaction (rolled back). Cells: wall-clock ms of the query, ` +
      `median of ${options.runs} warm runs (execution ms and shared buffers of one EXPLAIN (ANALYZE, BUFFERS) run). ` +
      `"Serial": max_parallel_workers_per_gather = 0 (the old policy's function is parallel-unsafe, so before is serial anyway).`,
    `Migration ${MIGRATION} on this data: ${ms(migrationMs)} ms, then VACUUM (ANALYZE) (its backfill rewrote every child row).`,
    "",
    "| Query | Before | After | After, serial | Before / after | Before / after serial | Result before → after |",
    "|---|---:|---:|---:|---:|---:|---|",
  ];
  QUERIES.forEach((query, index) => {
    const [old, now, serial] = [results.before[index]!, results.after[index]!, results.afterSerial[index]!];
    lines.push(
      `| ${query.name} | ${cell(old)} | ${cell(now)} | ${cell(serial)} | ${(old.ms / now.ms).toFixed(1)}× | ` +
        `${(old.ms / serial.ms).toFixed(1)}× | ${old.result} → ${now.result} |`,
    );
  });
  lines.push("", "Plans (app_user_id() and app_sees_archived() are inlined by the planner; shown by name):");
  QUERIES.forEach((query, index) => {
    lines.push("", `${query.name}: \`${query.sql.replace(/\s+/g, " ")}\``, "", "```");
    for (const [label, measured] of [["before", results.before], ["after", results.after], ["after, serial", results.afterSerial]] as const) {
      lines.push(`${label}:`, ...measured[index]!.plan.map((line) => `  ${line}`));
    }
    lines.push("```");
  });
  return lines.join("\n");
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  assertBenchDatabase(options.url, false);
  await dropDatabase(options.url);
  await ensureDatabase(options.url, { fresh: false });
  const client = new pg.Client({ connectionString: options.url });
  try {
    const earlier = await migrateWith(options.url, await migrationsUpTo(MIGRATION, false));
    console.log(`Migrated to just before ${MIGRATION} (${earlier.length} migrations)`);
    await client.connect();
    const { rows: [server] } = await client.query<{ version: string }>("SELECT version()");

    let started = performance.now();
    await load(client, options);
    const { rows: [user] } = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [USER_EMAIL]);
    const { rows: [sizes] } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM customers WHERE user_id = $1 AND deleted_at IS NOT NULL) AS archived,
              (SELECT count(*)::int FROM customer_receivables r JOIN customers c ON c.id = r.customer_id WHERE c.user_id = $1) AS mine,
              (SELECT count(*)::int FROM customer_receivables r JOIN customers c ON c.id = r.customer_id
                WHERE c.user_id = $1 AND c.deleted_at IS NULL) AS "mineLive",
              (SELECT count(*)::int FROM customer_receivables) AS total`,
      [user!.id],
    );
    console.log(`Loaded ${count(sizes!.total!)} receivables in ${ms(performance.now() - started)} ms`);

    const before = await measureAll(client, user!.id, options.runs, "default");
    console.log(`Before: ${before.map((result) => `${ms(result.ms)} ms`).join(", ")}`);

    started = performance.now();
    const applied = await migrateWith(options.url, await migrationsUpTo(MIGRATION, true));
    const migrationMs = performance.now() - started;
    if (applied.join() !== MIGRATION) throw new Error(`Expected to apply ${MIGRATION} alone, applied: ${applied.join(", ")}`);
    await client.query("VACUUM (ANALYZE) customers, customer_receivables");
    console.log(`Applied ${MIGRATION} in ${ms(migrationMs)} ms`);

    const after = await measureAll(client, user!.id, options.runs, "default");
    console.log(`After: ${after.map((result) => `${ms(result.ms)} ms`).join(", ")}`);
    const afterSerial = await measureAll(client, user!.id, options.runs, "serial");
    console.log(`After, serial: ${afterSerial.map((result) => `${ms(result.ms)} ms`).join(", ")}\n`);
    console.log(report(options, sizes!, server!.version, migrationMs, { before, after, afterSerial }));
  } finally {
    await client.end().catch(() => undefined);
    if (options.keep) console.log(`\nKept database ${databaseName(options.url)} (--keep)`);
    else await dropDatabase(options.url);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
