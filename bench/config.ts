/** What a bench run does, read from its command line and environment. */

export interface DatasetSize {
  users: number;
  customersPerUser: number;
}

export interface BenchConfig {
  quick: boolean;
  size: DatasetSize;
  /** The owner's connection string (it migrates, generates data, explains). */
  databaseUrl: string;
  /** Seconds of measured load per scenario, after `warmupSeconds` not measured. */
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** The app on this port, a second app process on the next, the baseline on the one after. */
  port: number;
  /** Rebuild the app even when build/ looks current. */
  build: boolean;
  /** Drop and recreate the bench database first (e.g. after a migration was edited). */
  fresh: boolean;
  /** Allow a database whose name lacks "bench" (the bench truncates its tables). */
  anyDatabase: boolean;
  /** Compare the run with issue #15's targets (bench/targets.ts) and fail on a miss. */
  check: boolean;
}

// Quick: 10k customers, still over 50 pages of 25 for the page-50 scenario.
const QUICK: DatasetSize = { users: 5, customersPerUser: 2_000 };
const FULL: DatasetSize = { users: 100, customersPerUser: 10_000 };

const USAGE = `Usage: npm run bench [-- options]   (or npm run bench:quick)
  --quick            10k customers (5 users x 2,000) and short runs, for development
  --seconds N        measured seconds per scenario (default 15, quick 4)
  --build            rebuild the app first (default: only when build/ is missing or older than app/)
  --fresh            drop and recreate the bench database first
  --any-database     allow a DATABASE_URL whose database name does not contain "bench"
  --check            compare the run with the targets of bench/targets.ts; exit 1 on a miss
Environment: BENCH_DATABASE_URL or DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/customers_bench,
  customers_bench_quick with --quick), BENCH_PORT (default 3100).`;

export function readConfig(argv: string[], environment: NodeJS.ProcessEnv): BenchConfig {
  const flags = new Set(argv.filter((arg) => arg.startsWith("--")));
  if (flags.has("--help")) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = ["--quick", "--seconds", "--build", "--fresh", "--any-database", "--check"];
  const unknown = [...flags].filter((flag) => !known.includes(flag));
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(", ")}\n${USAGE}`);

  const quick = flags.has("--quick");
  const secondsIndex = argv.indexOf("--seconds");
  const seconds = secondsIndex === -1 ? (quick ? 4 : 15) : Number(argv[secondsIndex + 1]);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error("--seconds needs a number of seconds (1 or more)");

  const defaultDatabase = quick ? "customers_bench_quick" : "customers_bench";
  const databaseUrl =
    environment.BENCH_DATABASE_URL || environment.DATABASE_URL || `postgresql://postgres@127.0.0.1:5432/${defaultDatabase}`;
  return {
    quick,
    size: quick ? QUICK : FULL,
    databaseUrl,
    seconds,
    // 2 s (3 before loader data doubled the scenarios): enough for the JIT and the pools at 20 connections.
    warmupSeconds: quick ? 1 : 2,
    connections: 20,
    port: Number(environment.BENCH_PORT ?? 3100),
    build: flags.has("--build"),
    fresh: flags.has("--fresh"),
    anyDatabase: flags.has("--any-database"),
    check: flags.has("--check"),
  };
}
