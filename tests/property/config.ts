import fc from "fast-check";

/**
 * How many generated cases each property runs, and with which seed.
 *
 * - `FC_NUM_RUNS=full` (what `npm run test:property` sets): the full counts,
 *   at least 10,000 cases over the whole property suite.
 * - `FC_NUM_RUNS=<n>`: n cases per property (handy to go deeper on one).
 * - otherwise: the small default that keeps `npm test` quick.
 *
 * `FC_SEED` replays a run (every failure report prints its seed and path);
 * `FC_PATH` with it jumps straight to the shrunk counterexample — pick the one
 * property with `-t "<its name>"` then, as a path belongs to one property.
 * `FC_END_ON_FAILURE=1` reports the first failing case without shrinking it:
 * the quick way to see which case hangs when a property times out.
 */
const mode = process.env.FC_NUM_RUNS ?? "";
export const FULL_RUN = mode === "full";
const fixedRuns = /^\d+$/.test(mode) ? Number(mode) : undefined;

export function numRuns({ quick, full }: { quick: number; full: number }): number {
  return fixedRuns ?? (FULL_RUN ? full : quick);
}

// One seed per test file, printed up front, so that a failure can be replayed
// even when the report itself got lost.
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const PATH = process.env.FC_PATH || undefined;

/** Long values are cut in reports (repeated runs are counted, not printed): a 300 KB counterexample helps nobody. */
export function truncate(text: string, max = 600, { keepEnd = false } = {}): string {
  const collapsed = text.replace(/([\s\S]{1,8}?)\1{15,}/gu, (run, unit: string) => `${unit.repeat(3)}‹×${Math.round(run.length / unit.length)}›`);
  if (collapsed.length <= max) return collapsed;
  if (keepEnd) return `${collapsed.slice(0, max / 2)} … ${collapsed.slice(-max / 2)}`;
  return `${collapsed.slice(0, max)}… (${collapsed.length} chars)`;
}

/**
 * Runs a property and, on failure, throws a report that says how to replay it
 * (seed and path) without dumping megabytes of generated data.
 */
export async function assertProperty<T>(name: string, property: fc.IAsyncPropertyWithHooks<T>, runs: number): Promise<void> {
  const details = await fc.check(property, { numRuns: runs, seed: SEED, endOnFailure: process.env.FC_END_ON_FAILURE === "1", ...(PATH ? { path: PATH } : {}) });
  if (!details.failed) return;
  const error = details.errorInstance;
  const message = error instanceof Error ? error.message : String(error);
  throw new Error(
    [
      `Property "${name}" failed after ${details.numRuns} case(s) and ${details.numShrinks} shrink(s).`,
      `Replay: FC_SEED=${details.seed} FC_PATH="${details.counterexamplePath ?? ""}" npx vitest run --project db tests/property -t "${name}"`,
      `(the database evolves from case to case, so a replay is exact only when the whole property runs from the start)`,
      `Counterexample: ${truncate(fc.stringify(details.counterexample), 2000)}`,
      `Failure: ${truncate(message, 4000)}`,
    ].join("\n"),
    { cause: error },
  );
}

/** Enough for the full count on a slow, shared two-core machine. */
export function timeoutFor(runs: number, msPerCase = 150): number {
  return 60_000 + runs * msPerCase;
}
