// npm run bench [-- --quick | --seconds N | --build | --fresh | --check] — see bench/config.ts and bench/RESULTS.md.
import path from "node:path";
import pg from "pg";
import { readConfig } from "./config";
import { assertBenchDatabase, databaseName, ensureDatabase, migrate } from "./database";
import { BENCH_PASSWORD, benchUsers, ensureDataset } from "./dataset";
import { assetSizes, followNextLinks, sample, signIn } from "./http";
import { cpuMeter } from "./cpu";
import { checkPlans, FATAL_SEQ_SCANS } from "./plan-check";
import { projectPages, projectStatements } from "./project-plans";
import { busiestCustomer, receivableStatements } from "./receivable-plans";
import { appStartCommand, buildIfNeeded, startServer, type Server } from "./processes";
import { assetReport, machineDescription, pagesTable, planReport, processTable, resultLine, resultsTable } from "./report";
import { measureRls, rlsReport } from "./rls";
import { runScenario, type Scenario, type ScenarioResult } from "./scenarios";
import { checkTargets, targetsReport } from "./targets";

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

/** `path` with the loader data of route `routeId` asked for, as a client-side navigation asks. */
function loaderData(pagePath: string, routeId: string): string {
  return `${pagePath}${pagePath.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;
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

    // The heaviest projects pages: the board, project and artifact the scenarios load.
    const projects = await projectPages(owner, user.id);
    if (!projects) throw new Error("The bench user has no projects with artifacts");
    const plans = await checkPlans(owner, user.id, [SEARCH, rareSearch], [
      ...(await receivableStatements(owner, user.id)),
      ...projectStatements(user.id, projects),
    ]);
    console.log(planReport(plans, !config.quick));
    const seqScans = plans.results.filter((result) => result.fatalSeqScans.length);
    if (seqScans.length && !config.quick) {
      console.error(
        `\n✗ FAIL: sequential scan on ${FATAL_SEQ_SCANS.join(", ")} at ${total.toLocaleString("en-US")} customers in: ${seqScans.map((result) => `${result.name} (${result.fatalSeqScans.join(", ")})`).join(", ")}.\n` +
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
    // The app as production starts it, twice: once held to one process, once
    // with WEB_CONCURRENCY unset (server.mjs's default: a worker per core).
    console.log(
      `Starting the app (${start.label}) on port ${config.port} with WEB_CONCURRENCY=1 and on ${config.port + 1} with WEB_CONCURRENCY unset, the baseline on ${config.port + 2}`,
    );
    for (const [name, port, concurrency] of [["app1", config.port, "1"], ["app2", config.port + 1, undefined]] as const) {
      servers.push(await startServer({ name, ...start, port, env: { ...appEnv, WEB_CONCURRENCY: concurrency }, probePath: "/login" }));
    }
    const [app1, app2] = servers as [Server, Server];
    const baseline = await startServer({
      name: "baseline",
      command: process.execPath,
      args: ["--import", "tsx", "--import", "./bench/asset-imports.mjs", "bench/baseline.ts"],
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
    // The same walk on the other server, so that it is not measured cold (its JIT, its pool) beside a warm one.
    await followNextLinks(app2.origin, "/customers", PAGE - 1, cookie);
    const receivablesScenarios = await acrossReceivablesScenarios(app1.origin, cookie);
    const assets = await assetSizes(app1.origin, "/customers", cookie);
    console.log(assetReport(assets));

    const get = (name: string, pagePath: string, label: Pick<Scenario, "page" | "kind" | "process"> = {}): Scenario => ({
      name,
      origins: [label.process === "production" ? app2.origin : app1.origin],
      path: pagePath,
      headers: { Cookie: cookie },
      expectedStatus: 200,
      ...label,
    });
    /** A page as a document and as its route's loader data (what a client-side navigation fetches). */
    const page = (pageName: string, name: string, pagePath: string, routeId: string): Scenario[] => [
      get(name, pagePath, { page: pageName, kind: "document" }),
      get(`${name}, loader data ?_data=${routeId}`, loaderData(pagePath, routeId), { page: pageName, kind: "data" }),
    ];
    const floor = (name: string): Scenario => ({ name, origins: [baseline.origin], path: "/", headers: {}, expectedStatus: 200, kind: "baseline" });
    const { artifact } = projects;
    const scenarios: Scenario[] = [
      floor("baseline (node:http + pg + renderToString)"),
      ...page("list", "list GET /customers", "/customers", "routes/customers._index"),
      // Right after the single process's list: the machine's load drifts, so the two are compared close in time.
      get("list, production process model (WEB_CONCURRENCY unset) GET /customers", "/customers", {
        page: "list",
        kind: "document",
        process: "production",
      }),
      get("API list GET /api/customers?limit=25", "/api/customers?limit=25", { page: "list", kind: "api" }),
      ...page("search", `search GET /customers?q=${SEARCH}`, `/customers?q=${SEARCH}`, "routes/customers._index"),
      get(`search, rare GET /customers?q=${rareSearch}`, `/customers?q=${encodeURIComponent(rareSearch)}`),
      ...page("status", "status GET /customers?status=live", "/customers?status=live", "routes/customers._index"),
      ...page(`page ${PAGE}`, `page ${PAGE} (cursor) GET /customers?cursor=…`, page50, "routes/customers._index"),
      ...page("overview", "overview GET /customers/<id>/overview", `/customers/${top.id}/overview`, "routes/customers.$id.overview"),
      ...page("agreements tab", "agreements tab GET /customers/<id>/agreements", `/customers/${top.id}/agreements`, "routes/customers.$id.agreements"),
      ...page(
        `receivables tab (${busiest.rows} rows)`,
        `receivables tab (${busiest.rows} rows) GET /customers/<id>/receivables`,
        `/customers/${busiest.id}/receivables`,
        "routes/customers.$id.receivables",
      ),
      ...receivablesScenarios.flatMap(([name, pagePath]) =>
        pagePath === "/receivables" ? page("/receivables", name, pagePath, "routes/receivables") : [get(name, pagePath)],
      ),
      ...page("/agreements", "all agreements GET /agreements", "/agreements", "routes/agreements"),
      get("expiring soon GET /agreements?status=expiring_soon", "/agreements?status=expiring_soon"),
      ...page(
        `projects tab (${projects.projects} projects, ${projects.artifacts} artifacts)`,
        "projects tab GET /customers/<id>/projects",
        `/customers/${projects.customerId}/projects`,
        "routes/customers.$id.projects",
      ),
      ...page(
        `project page (${projects.projectArtifacts} artifacts)`,
        "project page GET /customers/<id>/projects/<pid>",
        `/customers/${projects.customerId}/projects/${projects.projectId}`,
        "routes/customers.$id.projects_.$projectId",
      ),
      ...page(
        `artifact page (${(artifact.characters / 1024).toFixed(1)} K characters)`,
        "artifact page GET /customers/<id>/projects/<pid>/artifacts/<aid>",
        `/customers/${artifact.customerId}/projects/${artifact.projectId}/artifacts/${artifact.id}`,
        "routes/customers.$id.projects_.$projectId_.artifacts.$artifactId",
      ),
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
    const meter = cpuMeter(owner, () => servers.flatMap((server) => server.pids()));
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
- Data: ${config.size.users} users × ${config.size.customersPerUser.toLocaleString("en-US")} customers (${total.toLocaleString("en-US")}), ${dataset.events.toLocaleString("en-US")} events (1–5 per customer), 2 agreements per customer, 1% archived, ${dataset.receivables.toLocaleString("en-US")} receivables (bench/receivables-data.ts; their inserts ${dataset.receivableSeconds.toFixed(0)} s of the total), ${dataset.projects.toLocaleString("en-US")} projects with ${dataset.artifacts.toLocaleString("en-US")} artifacts (bench/projects-data.ts; ${dataset.projectSeconds.toFixed(0)} s); ${dataset.reused ? "reused, generated" : "generated"} in ${dataset.seconds.toFixed(0)} s; the bench user has ${config.size.customersPerUser.toLocaleString("en-US")} customers, ${benchUserReceivables.toLocaleString("en-US")} receivables; its heaviest board ${projects.projects} projects with ${projects.artifacts} artifacts, project ${projects.projectArtifacts} artifacts, artifact ${projects.artifact.characters.toLocaleString("en-US")} characters
- App: ${start.label}, NODE_ENV=production, SQL_ROUND_TRIPS=1, WEB_CONCURRENCY=1 (single process) unless the scenario says "production process model" (WEB_CONCURRENCY unset: ${app2.pids().length} process(es) now); load: autocannon, ${config.connections} connections on 127.0.0.1, ${config.seconds} s per scenario after ${config.warmupSeconds} s warm-up
- Session shared by two app servers: yes (signed in on :${app1.port}; the same cookie on :${app2.port}: GET /customers → ${onSecond.status}, not a redirect to /login)
- Plans: ${seqScans.length ? `sequential scan on ${FATAL_SEQ_SCANS.join(", ")} in ${seqScans.map((result) => result.name).join(", ")}` : `no sequential scan on ${FATAL_SEQ_SCANS.join(", ")}`} (EXPLAIN as ${plans.ranAs})
- Browser, /customers: JS ${(assets.js.gzip / 1024).toFixed(1)} KB gzip in ${assets.js.files} files, CSS ${(assets.css.gzip / 1024).toFixed(1)} KB gzip in ${assets.css.files} file(s)

× baseline: requests/s over the mean of the two baseline runs (${floors.map((result) => result.requestsPerSecond.toFixed(1)).join(" and ")} req/s).

CPU ms / request: utime + stime from /proc of the Node servers (and the workers they forked) and of the database's PostgreSQL backends during the measured load, over the requests completed.

${resultsTable(results, baselineRps)}

Document and loader data per page (single process):

${pagesTable(results)}

Process model, list page:

${processTable(results)}

${rlsTable}
`);
    const targets = checkTargets(results, baselineRps);
    const missed = targets.filter((outcome) => !outcome.met);
    if (config.check) {
      console.log(`Targets (issue #15, bench/targets.ts):\n\n${targetsReport(targets)}\n`);
    } else {
      console.log(`Targets (bench/targets.ts): ${targets.length - missed.length} of ${targets.length} met; --check prints each and fails on a miss.`);
    }
    if (failed.length) {
      console.error(`✗ FAIL: ${failed.map((result) => result.name).join("; ")} had failed samples or errors (logs: ${servers.map((server) => server.logFile).join(", ")})`);
      return 1;
    }
    if (config.check && missed.length) {
      console.error(`✗ FAIL (--check): ${missed.length} of ${targets.length} targets missed (see the table above)`);
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
