import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processTree } from "./cpu";

/** The app and the baseline as child processes: built, started, awaited, stopped. */

export interface Server {
  name: string;
  port: number;
  origin: string;
  logFile: string;
  /** The process the bench started (server.mjs; under node:cluster, the primary). */
  pid: number | undefined;
  /** That process and its descendants now (a cluster's workers): whose CPU time counts. */
  pids(): number[];
  stop(): Promise<void>;
}

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm run build` when asked, when build/ is missing, or when app/ changed since. */
export function buildIfNeeded(force: boolean): void {
  const built = "build/index.js";
  const stale = !existsSync(built) || newestModification("app") > statSync(built).mtimeMs;
  if (!force && !stale) return;
  console.log(force ? "Building the app (--build)…" : "Building the app (build/ missing or older than app/)…");
  const result = spawnSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

/** How production starts the app (what `npm start` runs after migrating). */
export function appStartCommand(): { command: string; args: string[]; label: string } {
  return { command: process.execPath, args: ["server.mjs"], label: "node server.mjs" };
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function waitUntilServing(origin: string, probePath: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${origin} exited with ${child.exitCode} before serving. Log ${logFile}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${origin}${probePath}`, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin} did not answer within 60 s. Log ${logFile}:\n${tail(logFile)}`);
}

export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  port: number;
  /** Added to the bench's environment; `undefined` removes a variable (e.g. WEB_CONCURRENCY, to get the default). */
  env: Record<string, string | undefined>;
  probePath: string;
}): Promise<Server> {
  const logFile = path.join(tmpdir(), `customers-bench-${options.name}-${options.port}.log`);
  const log = createWriteStream(logFile);
  // Its own process group, so that stopping it also stops whatever it spawned.
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(options.port) };
  for (const [name, value] of Object.entries(options.env)) if (value === undefined) delete env[name];
  const child = spawn(options.command, options.args, {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${options.port}`;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup("SIGTERM");
    const killer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitUntilServing(origin, options.probePath, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  const pids = () => (child.pid === undefined || child.exitCode !== null ? [] : processTree(child.pid));
  return { name: options.name, port: options.port, origin, logFile, pid: child.pid, pids, stop };
}
