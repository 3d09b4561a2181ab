// npm run bench [-- --quick | --seconds N | --build | --fresh] — see bench/config.ts and bench/RESULTS.md.
import path from "node:path";
import pg from "pg";
import { readConfig } from "./config";
import { assertBenchDatabase, databaseName, ensureDatabase, migrate } from "./database";
import { BENCH_PASSWORD, benchUsers, ensureDataset } from "./dataset";
import { assetSizes, followNextLinks, sample, signIn } from "./http";
import { cpuMeter } from "./cpu";
import { checkPlans } from "./plan-check";
import { busiestCustomer, receivableStatements } from "./receivable-plans";
import { appStartCommand, buildIfNeeded, startServer, type Server } from "./processes";
import { assetReport, machineDescription, planReport, resultLine, resultsTable } from "./report";
import { measureRls, rlsReport } from "./rls";
import { runScenario, type Scenario, type ScenarioResult } from "./scenarios";

const SEARCH = "wonk"; // a common search: 1 customer in 20 ("Wonka …", see dataset.ts)
const PAGE = 50;
/** How deep the /receivables scenario follows next links (each page reads all of the user's receivables today). */
const RECEIVABLES_PAGE = 20;
const CREATED_PREFIX = "Bench created";
const SESSION_SECRET = "bench-session-secret-0123456789-abcdefghijklmnop";

const servers: Server[] = [];
async function stopServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
}
process.on("SIGINT", () => void stopServers().finally(() => process.exit(130)));

/** The create scenario's customers: they would otherwise top the list of the next run. */
async function deleteCreatedCustomers(owner: pg.Client, userId: string): Promise<void> {
  await owner.query("DELETE FROM customers WHERE user_id = $1 AND name LIKE $2", [userId, `${CREATED_PREFIX} %`]);
}

/**
 * /receivables' scenarios: the first page, a deep page (next links followed)
 * and the overdue filter. None when the route is not there (404): the page
 * comes with another branch, and the bench says it skipped them.
 */
async function acrossReceivablesScenarios(origin: string, cookie: string): Promise<Array<[string, string]>> {
  const first = await sample(`${origin}/receivables`, { headers: { Cookie: cookie } });
  if (first.status === 404) {
    console.log("Skipped the /receivables scenarios: GET /receivables → 404 (no such page in this build)");
    return [];
  }
  const scenarios: Array<[string, string]> = [["all receivables GET /receivables", "/receivables"]];
  try {
    const deep = await followNextLinks(origin, "/receivables", RECEIVABLES_PAGE - 1, cookie);
    scenarios.push([`receivables page ${RECEIVABLES_PAGE} (cursor) GET /receivables?cursor=…`, deep]);
  } catch (error) {
    console.log(`Skipped the deep /receivables page: ${(error as Error).message}`);
  }
  scenarios.push(["overdue GET /receivables?status=overdue", "/receivables?status=overdue"]);
  return scenarios;
}

async function main(): Promise<number> {
  process.chdir(path.resolve(import.meta.dirname, ".."));
  const config = readConfig(process.argv.slice(2), process.env);
  const started = new Date();
  const total = config.size.users * config.size.customersPerUser;
  console.log(`Bench (${config.quick ? "quick" : "full"}): ${total.toLocaleString("en-US")} customers in database ${databaseName(config.databaseUrl)}`);

  assertBenchDatabase(config.databaseUrl, config.anyDatabase);
  await ensureDatabase(config.databaseUrl, { fresh: config.fresh });
  migrate(config.databaseUrl);

  const owner = new pg.Client({ connectionString: config.databaseUrl });
  await owner.connect();
  let benchUserId: string | undefined;
  try {
    const { rows: version } = await owner.query<{ version: string }>("SELECT version()");
    const dataset = await ensureDataset(owner, config.size);
    const [user] = await benchUsers(owner);
    if (!user) throw new Error("The data set has no bench users");
    benchUserId = user.id;
    // Left over by an earlier run: its sessions, login counters and created customers.
    await owner.query("DELETE FROM sessions");
    await owner.query("DELETE FROM login_throttle");
    await deleteCreatedCustomers(owner, user.id);

    // The bench user's most recently updated customer: the overview, and (its full name) a rare search.
    const { rows: [top] } = await owner.query<{ id: string; name: string }>(
      "SELECT id, name FROM customers WHERE user_id = $1 AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1",
      [user.id],
    );
    if (!top) throw new Error("The bench user has no customers");
    const rareSearch = top.name.toLowerCase();
    const { rows: [mine] } = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM customer_receivables WHERE user_id = $1", [user.id]);
    const benchUserReceivables = mine?.n ?? 0;

    const plans = await checkPlans(owner, user.id, [SEARCH, rareSearch], await receivableStatements(owner, user.id));
    console.log(planReport(plans, !config.quick));
    const seqScans = plans.results.filter((result) => result.seqScanOnCustomers || result.seqScanOnReceivables);
    if (seqScans.length && !config.quick) {
      console.error(
        `\n✗ FAIL: sequential scan on customers or customer_receivables at ${total.toLocaleString("en-US")} customers in: ${seqScans.map((result) => result.name).join(", ")}.\n` +
          "  Each statement must read the user's rows through an index; see the plans above.",
      );
      return 1;
    }
    // The tab with the most rows: it lists them all, unpaged.
    const busiest = await busiestCustomer(owner, user.id);
    if (!busiest) throw new Error("The bench user has no receivables");

    // Same run, same data: the list and both searches with and without RLS, and with the app's design.
    const rls = await measureRls(owner, user.id, { common: SEARCH, rare: rareSearch });
    const rlsTable = rlsReport(rls, total);
    console.log(`\n${rlsTable}\n`);

    buildIfNeeded(config.build);
    const start = appStartCommand();
    const appEnv = {
      DATABASE_URL: config.databaseUrl,
      NODE_ENV: "production",
      SESSION_SECRET,
      SQL_ROUND_TRIPS: "1",
    };
    console.log(`Starting two app processes (${start.label}) on ports ${config.port} and ${config.port + 1}, the baseline on ${config.port + 2}`);
    for (const [name, port] of [["app1", config.port], ["app2", config.port + 1]] as const) {
      servers.push(await startServer({ name, ...start, port, env: appEnv, probePath: "/login" }));
    }
    const [app1, app2] = servers as [Server, Server];
    const baseline = await startServer({
      name: "baseline",
      command: process.execPath,
      args: ["--import", "tsx", "bench/baseline.ts"],
      port: config.port + 2,
      env: { DATABASE_URL: config.databaseUrl, BENCH_USER_ID: user.id, NODE_ENV: "production" },
      probePath: "/",
    });
    servers.push(baseline);

    // One sign-in on process 1; the session lives in the database, so process 2 knows it too.
    const cookie = await signIn(app1.origin, user.email, BENCH_PASSWORD);
    const onSecond = await sample(`${app2.origin}/customers`, { headers: { Cookie: cookie } });
    console.log(`Signed in on ${app1.origin} as ${user.email}; cookie ${cookie}`);
    console.log(`Same cookie on ${app2.origin}: GET /customers → ${onSecond.status}${onSecond.location ? ` → ${onSecond.location}` : ""}`);
    if (onSecond.status !== 200) {
      console.error("✗ FAIL: the session made on process 1 is not accepted by process 2");
      return 1;
    }

    const page50 = await followNextLinks(app1.origin, "/customers", PAGE - 1, cookie);
    const receivablesScenarios = await acrossReceivablesScenarios(app1.origin, cookie);
    const assets = await assetSizes(app1.origin, "/customers", cookie);
    console.log(assetReport(assets));

    const get = (name: string, pagePath: string, origins = [app1.origin]): Scenario => ({
      name,
      origins,
      path: pagePath,
      headers: { Cookie: cookie },
      expectedStatus: 200,
    });
    const floor = (name: string): Scenario => ({ name, origins: [baseline.origin], path: "/", headers: {}, expectedStatus: 200 });
    const scenarios: Scenario[] = [
      floor("baseline (node:http + pg + renderToString)"),
      get("list GET /customers", "/customers"),
      get(`search GET /customers?q=${SEARCH}`, `/customers?q=${SEARCH}`),
      get(`search, rare GET /customers?q=${rareSearch}`, `/customers?q=${encodeURIComponent(rareSearch)}`),
      get("status GET /customers?status=live", "/customers?status=live"),
      get(`page ${PAGE} (cursor) GET /customers?cursor=…`, page50),
      get("overview GET /customers/<id>/overview", `/customers/${top.id}/overview`),
      get("agreements tab GET /customers/<id>/agreements", `/customers/${top.id}/agreements`),
      get(`receivables tab (${busiest.rows} rows) GET /customers/<id>/receivables`, `/customers/${busiest.id}/receivables`),
      get(
        "receivables tab, loader data GET /customers/<id>/receivables?_data=…",
        `/customers/${busiest.id}/receivables?_data=${encodeURIComponent("routes/customers.$id.receivables")}`,
      ),
      ...receivablesScenarios.map(([name, pagePath]) => get(name, pagePath)),
      get("all agreements GET /agreements", "/agreements"),
      get("expiring soon GET /agreements?status=expiring_soon", "/agreements?status=expiring_soon"),
      get("list, two app processes", "/customers", [app1.origin, app2.origin]),
      {
        name: "create POST /customers",
        origins: [app1.origin],
        path: "/customers",
        method: "POST",
        headers: { Cookie: cookie, Origin: app1.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: `intent=create&name=${encodeURIComponent(CREATED_PREFIX)}+[<id>]&status=lead`,
        expectedStatus: 302,
      },
      // Again at the end: on a shared machine the load drifts, and the ratios use the mean of both.
      floor("baseline again (end of run)"),
    ];

    console.log(`Load: ${config.connections} connections, ${config.warmupSeconds} s warm-up + ${config.seconds} s per scenario`);
    const meter = cpuMeter(owner, servers.map((server) => server.pid).filter((pid): pid is number => pid !== undefined));
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const result = await runScenario(scenario, config, meter);
      console.log(resultLine(result));
      results.push(result);
    }
    const floors = [results[0], results.at(-1)].filter((result): result is ScenarioResult => Boolean(result && !result.failure));
    const baselineRps = floors.reduce((sum, result) => sum + result.requestsPerSecond, 0) / (floors.length || 1);
    const failed = results.filter((result) => result.failure || result.errors);
    console.log(`
## ${config.quick ? "Quick" : "Full"} run, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC

- Machine: ${machineDescription(version[0]?.version ?? "PostgreSQL ?")}
- Data: ${config.size.users} users × ${config.size.customersPerUser.toLocaleString("en-US")} customers (${total.toLocaleString("en-US")}), ${dataset.events.toLocaleString("en-US")} events (1–5 per customer), 2 agreements per customer, 1% archived, ${dataset.receivables.toLocaleString("en-US")} receivables (bench/receivables-data.ts; their inserts ${dataset.receivableSeconds.toFixed(0)} s of the total); ${dataset.reused ? "reused, generated" : "generated"} in ${dataset.seconds.toFixed(0)} s; the bench user has ${config.size.customersPerUser.toLocaleString("en-US")} customers and ${benchUserReceivables.toLocaleString("en-US")} receivables
- App: ${start.label}, NODE_ENV=production, SQL_ROUND_TRIPS=1; load: autocannon, ${config.connections} connections on 127.0.0.1, ${config.seconds} s per scenario after ${config.warmupSeconds} s warm-up
- Session shared by two app processes: yes (signed in on :${app1.port}; the same cookie on :${app2.port}: GET /customers → ${onSecond.status}, not a redirect to /login)
- Plans: ${seqScans.length ? `sequential scan on customers or customer_receivables in ${seqScans.map((result) => result.name).join(", ")}` : "no sequential scan on customers or customer_receivables"} (EXPLAIN as ${plans.ranAs})
- Browser, /customers: JS ${(assets.js.gzip / 1024).toFixed(1)} KB gzip in ${assets.js.files} files, CSS ${(assets.css.gzip / 1024).toFixed(1)} KB gzip in ${assets.css.files} file(s)

× baseline: requests/s over the mean of the two baseline runs (${floors.map((result) => result.requestsPerSecond.toFixed(1)).join(" and ")} req/s).

CPU ms / request: utime + stime from /proc of the Node servers and of the database's PostgreSQL backends during the measured load, over the requests completed.

${resultsTable(results, baselineRps)}

${rlsTable}
`);
    if (failed.length) {
      console.error(`✗ FAIL: ${failed.map((result) => result.name).join("; ")} had failed samples or errors (logs: ${servers.map((server) => server.logFile).join(", ")})`);
      return 1;
    }
    return 0;
  } finally {
    // Once the servers are down no request is still in flight: the data set is as it was.
    await stopServers();
    if (benchUserId) await deleteCreatedCustomers(owner, benchUserId);
    await owner.end();
  }
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await stopServers();
    process.exit(1);
  },
);
