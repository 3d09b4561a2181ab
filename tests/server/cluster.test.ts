import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { inject } from "vitest";
import { createServerDatabase, dropServerDatabase, serverUrl, testEngine, uniqueName } from "../setup/test-db";
import { freePort } from "../support/throwaway-postgres";

/**
 * `npm start`'s process model: `node server.mjs` with WEB_CONCURRENCY=2 on a
 * PostgreSQL database, as a separate process with its workers. It serves the
 * build, so it runs after `npm run build` on PostgreSQL (.ci/run:
 * `TEST_DATABASE=pg REQUIRE_BUILT_SERVER=1 npx vitest run --project db
 * tests/server/cluster.test.ts`); `npm test` skips it.
 *
 * Which worker holds a connection is read from the kernel (`ss -p`: the
 * process owning the server's end of the socket), not from a header the app
 * would send only for tests.
 */

const root = path.resolve(import.meta.dirname, "../..");
const runnable = testEngine() === "pg" && existsSync(path.join(root, "build/index.js"));
if (!runnable && process.env.REQUIRE_BUILT_SERVER) {
  throw new Error("REQUIRE_BUILT_SERVER is set, but this needs TEST_DATABASE=pg and build/index.js (npm run build)");
}

async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Cluster {
  port: number;
  origin: string;
  primary: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startCluster(databaseUrl: string): Promise<Cluster> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    PORT: String(port),
    WEB_CONCURRENCY: "2",
  };
  delete env.REMIX_DEV_ORIGIN;
  delete env.APP_DATABASE_URL;
  const primary = spawn(process.execPath, ["server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  primary.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  primary.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    primary.on("exit", (code, signal) => resolve({ code, signal })),
  );
  await eventually("the listening line", () => (output.includes("Customers listening on") ? true : undefined), 90_000);
  return { port, origin: `http://127.0.0.1:${port}`, primary, output: () => output, exited };
}

async function stopCluster(cluster: Cluster | undefined) {
  if (!cluster || cluster.primary.exitCode !== null || cluster.primary.signalCode !== null) return;
  const workers = workerPids(cluster.primary.pid!);
  cluster.primary.kill("SIGKILL");
  for (const pid of workers) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await cluster.exited;
}

/** The primary's children: its workers. */
function workerPids(primaryPid: number): number[] {
  try {
    const out = execFileSync("ps", ["--ppid", String(primaryPid), "-o", "pid="], { encoding: "utf8" });
    return out.split("\n").map((line) => Number(line.trim())).filter((pid) => pid > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** The process that holds the server's end of the connection from `clientPort`. */
function serverPidOf(serverPort: number, clientPort: number): number | undefined {
  const out = execFileSync("ss", ["-Htnp", "state", "established", `( sport = :${serverPort} and dport = :${clientPort} )`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : undefined;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The client's port: which connection carried it. */
  clientPort: number;
}

/** One kept-alive connection: every request through it goes to the same worker. */
function connection(cluster: Cluster) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const framing: Record<string, string> = body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) };
      const req = httpRequest({ agent, host: "127.0.0.1", port: cluster.port, method, path: target, headers: { ...framing, ...headers } }, (res) => {
        // Read now: once the answer ends, the socket goes back to the agent's pool.
        const clientPort = res.socket.localPort!;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), clientPort }));
      });
      req.on("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

describe.skipIf(!runnable)("npm start with WEB_CONCURRENCY=2 on PostgreSQL", () => {
  let database: string;
  let cluster: Cluster | undefined;

  beforeAll(async () => {
    database = uniqueName("customers_cluster_test");
    // A copy of the migrated template: what `npm start`'s migration step leaves.
    await createServerDatabase(database, inject("databaseTemplates").migrated);
    cluster = await startCluster(serverUrl(database));
  }, 120_000);

  afterAll(async () => {
    await stopCluster(cluster);
    await dropServerDatabase(database);
  });

  it("serves through two worker processes, and a session made on one works on the other", async () => {
    const live = cluster!;
    const workers = await eventually("two workers", () => {
      const pids = workerPids(live.primary.pid!);
      return pids.length === 2 ? pids : undefined;
    });
    expect(new Set(workers).size).toBe(2);
    // The listening line is printed once, by the primary, for all of them.
    expect(live.output().match(/Customers listening on http:\/\/localhost:\d+/g)).toHaveLength(1);

    // New connections until one lands on each worker.
    const byWorker = new Map<number, ReturnType<typeof connection>>();
    for (let attempt = 0; attempt < 12 && byWorker.size < 2; attempt += 1) {
      const conn = connection(live);
      const page = await conn.send("GET", "/login");
      expect(page.status).toBe(200);
      const pid = serverPidOf(live.port, page.clientPort);
      expect(workers).toContain(pid);
      if (byWorker.has(pid!)) conn.close();
      else byWorker.set(pid!, conn);
    }
    expect(byWorker.size).toBe(2);
    const [firstPid, secondPid] = [...byWorker.keys()] as [number, number];
    const first = byWorker.get(firstPid)!;
    const second = byWorker.get(secondPid)!;

    const email = `cluster-${Date.now()}@example.com`;
    const form = new URLSearchParams({ name: "Cluster Person", email, password: "cluster-password" }).toString();
    const signup = await first.send("POST", "/signup", { Origin: live.origin, "Content-Type": "application/x-www-form-urlencoded" }, form);
    expect(signup.status).toBe(302);
    expect(serverPidOf(live.port, signup.clientPort)).toBe(firstPid);
    const cookie = [signup.headers["set-cookie"] ?? []].flat().map((value) => value.split(";")[0]).join("; ");
    expect(cookie).toMatch(/session=/);

    const list = await second.send("GET", "/customers", { Cookie: cookie });
    expect(serverPidOf(live.port, list.clientPort)).toBe(secondPid);
    expect(list.status).toBe(200);
    expect(list.body).toContain("Cluster Person");
    first.close();
    second.close();
  });

  it("replaces a worker that dies", async () => {
    const live = cluster!;
    const before = workerPids(live.primary.pid!);
    expect(before).toHaveLength(2);
    process.kill(before[0]!, "SIGKILL");
    const after = await eventually("a replacement worker", () => {
      const pids = workerPids(live.primary.pid!);
      return pids.length === 2 && !pids.includes(before[0]!) ? pids : undefined;
    });
    expect(after).toContain(before[1]);
    expect(live.output()).toContain(`Worker ${before[0]} exited unexpectedly (signal SIGKILL); starting a replacement in 1 s.`);
    const conn = connection(live);
    expect((await conn.send("GET", "/login")).status).toBe(200);
    conn.close();
  });

  it("on SIGTERM finishes the request in flight, then exits 0", async () => {
    const live = cluster!;
    // A form post whose body is only half sent: the request is open on a worker.
    const form = "email=nobody%40example.com&password=wrong-password";
    const socket = connect(live.port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    const ended = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${live.port}\r\nOrigin: ${live.origin}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\nConnection: close\r\n\r\n` +
        form.slice(0, 10),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    live.primary.kill("SIGTERM");
    await eventually("the workers to be told", () => (/SIGTERM: finishing open requests/.test(live.output()) ? true : undefined));
    expect(live.primary.exitCode).toBeNull();

    socket.write(form.slice(10));
    await ended;
    // Answered, not cut off: the login page again, with its error.
    expect(answer).toMatch(/^HTTP\/1\.1 (200|400|401|429) /);
    expect(await live.exited).toEqual({ code: 0, signal: null });
    expect(live.output()).toContain("All workers have stopped.");
  }, 40_000);
});

describe.skipIf(!runnable)("npm start with WEB_CONCURRENCY=2 when the database is unreachable", () => {
  let cluster: Cluster | undefined;
  afterAll(() => stopCluster(cluster));

  it("answers 503 from every worker and none of them crashes", async () => {
    // A port nobody listens on: connections are refused, as when PostgreSQL is down.
    cluster = await startCluster(`postgresql://postgres@127.0.0.1:${await freePort()}/customers`);
    const live = cluster;
    const workers = await eventually("two workers", () => {
      const pids = workerPids(live.primary.pid!);
      return pids.length === 2 ? pids : undefined;
    });
    const answeredBy = new Set<number>();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const conn = connection(live);
      const form = new URLSearchParams({ email: "someone@example.com", password: "whatever-password" }).toString();
      const login = await conn.send("POST", "/login", { Origin: live.origin, "Content-Type": "application/x-www-form-urlencoded" }, form);
      expect(login.status).toBe(503);
      expect(login.body).toMatch(/briefly unavailable/i);
      answeredBy.add(serverPidOf(live.port, login.clientPort)!);
      conn.close();
    }
    expect(answeredBy).toEqual(new Set(workers));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(workerPids(live.primary.pid!)).toEqual(workers);
    expect(live.output()).not.toContain("exited unexpectedly");
  }, 120_000);
});
