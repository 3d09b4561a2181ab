// npm start's process model (docs/decisions/0021-processes-per-core.md): a
// primary that only forks, watches and stops workers, each of which is the
// whole app (server/serve.mjs) on the shared port. Node renders a page on one
// thread; one process per core is how the app uses the machine's other cores.
import cluster from "node:cluster";
import os from "node:os";

/** A bad WEB_CONCURRENCY: the message names it, as the app's own ConfigError does. */
export class ProcessCountError extends Error {
  name = "ProcessCountError";
}

// A typo like WEB_CONCURRENCY=200 must not fork two hundred copies of the app.
const MAX_PROCESSES = 64;

/**
 * How many processes serve, and why when it is fewer than asked.
 * WEB_CONCURRENCY: a whole number from 1 to 64; unset or empty means one per
 * core this process may use. One, whatever was asked, when the database is the
 * embedded PGlite (its data folder has one owner at a time) and under
 * `remix dev` (it restarts the one process it started and waits for that
 * process to report the new build; see server/serve.mjs).
 * @param {Record<string, string | undefined>} env
 * @param {number} cores
 * @returns {{ count: number, note: string | null }}
 */
export function processCount(env, cores) {
  const raw = env.WEB_CONCURRENCY?.trim() ?? "";
  if (raw !== "" && !(/^[1-9][0-9]*$/.test(raw) && Number(raw) <= MAX_PROCESSES)) {
    throw new ProcessCountError(
      `Invalid configuration:\n  - WEB_CONCURRENCY must be a whole number from 1 to ${MAX_PROCESSES} (got "${raw}")`,
    );
  }
  const asked = raw === "" ? Math.min(Math.max(1, cores), MAX_PROCESSES) : Number(raw);
  if (asked === 1) return { count: 1, note: null };
  if (env.REMIX_DEV_ORIGIN) {
    // Said only when someone asked for more; the default is not worth a line per reload.
    return { count: 1, note: raw === "" ? null : `WEB_CONCURRENCY=${raw} ignored under remix dev: one process, which remix dev restarts on each build.` };
  }
  if (!env.DATABASE_URL?.trim()) {
    return {
      count: 1,
      note: `Serving with one process, not ${asked}: the embedded database (PGlite, no DATABASE_URL) can be opened by one process only.`,
    };
  }
  return { count: asked, note: null };
}

// A worker that dies is replaced after RESTART_MIN_MS, doubling per death in a
// row up to RESTART_MAX_MS; one that had served for STABLE_MS starts the count
// again. A crash loop (a bug on every request, a worker that cannot start)
// then costs a fork every 30 s, not a spinning CPU.
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const STABLE_MS = 30_000;
// Each worker gives its open requests 10 s (server/serve.mjs); then it is killed.
const SHUTDOWN_MS = 15_000;

/**
 * Runs the primary: forks `count` workers (this same script, which serves
 * when cluster.isPrimary is false), prints the listening line once all of
 * them listen, replaces those that die, and stops them on SIGTERM/SIGINT.
 * @param {{ count: number }} options
 */
export function runPrimary({ count }) {
  /** @type {Map<number, { slot: number, startedAt: number }>} worker id → its slot and birth */
  const workers = new Map();
  /** Deaths in a row, per slot. */
  const failures = new Array(count).fill(0);
  const restartTimers = new Set();
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  function fork(slot) {
    const worker = cluster.fork();
    workers.set(worker.id, { slot, startedAt: Date.now() });
  }

  const listeningIds = new Set();
  cluster.on("listening", (worker, address) => {
    listeningIds.add(worker.id);
    if (!announced && listeningIds.size === count) {
      announced = true;
      console.log(`Customers listening on http://localhost:${address.port} (${count} worker processes)`);
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const entry = workers.get(worker.id);
    workers.delete(worker.id);
    listeningIds.delete(worker.id);
    if (stopping) {
      if (workers.size === 0) {
        if (exitCode === 0) console.log("All workers have stopped.");
        process.exit(exitCode);
      }
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!announced) {
      // It never served: a bad setting (each worker validates the app's
      // configuration) or a broken build. Starting it again would fail again.
      console.error(`Worker ${worker.process.pid} exited (${how}) before the app was up; stopping.`);
      stop("startup failure", code || 1);
      return;
    }
    if (!entry) return;
    if (Date.now() - entry.startedAt >= STABLE_MS) failures[entry.slot] = 0;
    const delay = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** failures[entry.slot]);
    failures[entry.slot] += 1;
    console.error(`Worker ${worker.process.pid} exited unexpectedly (${how}); starting a replacement in ${delay / 1000} s.`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      fork(entry.slot);
    }, delay);
    restartTimers.add(timer);
  });

  /**
   * Each worker stops taking connections, finishes its open requests, closes
   * its database pool and exits (its own SIGTERM handler); the primary exits
   * once all have, or kills the rest after SHUTDOWN_MS.
   */
  function stop(reason, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of restartTimers) clearTimeout(timer);
    const alive = Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());
    if (exitCode === 0) console.log(`${reason}: stopping ${alive.length} worker(s); each finishes its open requests.`);
    if (alive.length === 0) process.exit(exitCode);
    for (const worker of alive) worker.process.kill("SIGTERM");
    setTimeout(() => {
      const left = Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());
      console.error(`${left.length} worker(s) still running after ${SHUTDOWN_MS / 1000} s; killing them.`);
      for (const worker of left) worker.process.kill("SIGKILL");
      process.exit(1);
    }, SHUTDOWN_MS);
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  for (let slot = 0; slot < count; slot += 1) fork(slot);
}

/**
 * The value `read` returns, or its error's message printed and the process
 * stopped (exit 1): a bad setting stops the server with a message naming it.
 * @template T
 * @param {() => T} read
 * @returns {T}
 */
export function configOrExit(read) {
  try {
    return read();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** The processes to run, from this process's environment and cores. */
export function processCountHere() {
  return processCount(process.env, os.availableParallelism());
}
