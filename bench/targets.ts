import type { ScenarioResult } from "./scenarios";

/**
 * Issue #15's targets, and the comparison `npm run bench -- --check` makes
 * after a run: each target with what the run measured and whether it was
 * met. A target whose scenario did not run, failed, or had no reading (no
 * CPU meter, no X-Sql-Round-Trips header) is missed: a check that cannot be
 * made is not a pass.
 */

export const TARGETS = {
  /** Node CPU ms per list document (single process). */
  listDocumentNodeMs: 4,
  /** Node CPU ms per list loader-data request. */
  listDataNodeMs: 2.5,
  /** PostgreSQL CPU ms per list request: the document, the loader data and the API list. */
  listPostgresMs: 2,
  /** Requests/s over the baseline's. */
  listDocumentRatio: 0.35,
  listDataRatio: 0.6,
  apiListRatio: 0.6,
  /** p99 of every GET scenario of the app, at the bench's 20 connections. */
  p99Ms: 100,
  /** X-Sql-Round-Trips of every GET scenario of the app. */
  roundTrips: 3,
} as const;

export interface TargetOutcome {
  target: string;
  measured: string;
  met: boolean;
}

const missing = (target: string, why: string): TargetOutcome => ({ target, measured: why, met: false });

function find(results: ScenarioResult[], page: string, kind: ScenarioResult["kind"]): ScenarioResult | undefined {
  return results.find((result) => result.page === page && result.kind === kind && result.process === "single");
}

/** Why a result cannot be read, or null when it can. */
function unreadable(result: ScenarioResult | undefined): string | null {
  if (!result) return "not run";
  if (result.failure) return `failed: ${result.failure}`;
  return null;
}

function atMost(target: string, value: number | undefined, limit: number, unit: string): TargetOutcome {
  if (value === undefined || !Number.isFinite(value)) return missing(target, "no reading");
  return { target, measured: `${value.toFixed(2)} ${unit}`, met: value <= limit };
}

function cpuTarget(result: ScenarioResult | undefined, what: string, side: "nodeMs" | "postgresMs", limit: number): TargetOutcome {
  const target = `${side === "nodeMs" ? "Node" : "PostgreSQL"} CPU per ${what} ≤ ${limit} ms`;
  const why = unreadable(result);
  return why ? missing(target, why) : atMost(target, result?.cpu?.[side], limit, "ms");
}

function ratioTarget(result: ScenarioResult | undefined, what: string, limit: number, baselineRps: number): TargetOutcome {
  const target = `${what} ≥ ${limit}× baseline req/s`;
  const why = unreadable(result);
  if (why) return missing(target, why);
  if (!(baselineRps > 0)) return missing(target, "no baseline");
  const ratio = (result?.requestsPerSecond ?? 0) / baselineRps;
  return { target, measured: `${ratio.toFixed(2)}× (${(result?.requestsPerSecond ?? 0).toFixed(1)} / ${baselineRps.toFixed(1)} req/s)`, met: ratio >= limit };
}

/** The largest of "2", "2 / 3" (one per origin); NaN when the header was missing. */
export function maxRoundTrips(reading: string): number {
  const counts = reading.split(" / ").map((part) => (/^\d+$/.test(part.trim()) ? Number(part) : Number.NaN));
  return counts.some(Number.isNaN) ? Number.NaN : Math.max(...counts);
}

export function checkTargets(results: ScenarioResult[], baselineRps: number): TargetOutcome[] {
  const listDocument = find(results, "list", "document");
  const listData = find(results, "list", "data");
  const apiList = find(results, "list", "api");
  const outcomes = [
    cpuTarget(listDocument, "list document", "nodeMs", TARGETS.listDocumentNodeMs),
    cpuTarget(listData, "list loader-data request", "nodeMs", TARGETS.listDataNodeMs),
    cpuTarget(listDocument, "list document", "postgresMs", TARGETS.listPostgresMs),
    cpuTarget(listData, "list loader-data request", "postgresMs", TARGETS.listPostgresMs),
    cpuTarget(apiList, "API list request", "postgresMs", TARGETS.listPostgresMs),
    ratioTarget(listDocument, "list document", TARGETS.listDocumentRatio, baselineRps),
    ratioTarget(listData, "list loader data", TARGETS.listDataRatio, baselineRps),
    ratioTarget(apiList, "API list", TARGETS.apiListRatio, baselineRps),
  ];
  for (const result of results.filter((each) => each.method === "GET" && each.kind !== "baseline")) {
    const why = unreadable(result);
    const p99 = `p99 ≤ ${TARGETS.p99Ms} ms: ${result.name}`;
    const trips = `SQL round trips ≤ ${TARGETS.roundTrips}: ${result.name}`;
    if (why) {
      outcomes.push(missing(p99, why), missing(trips, why));
      continue;
    }
    outcomes.push({ target: p99, measured: `${result.p99} ms`, met: result.p99 <= TARGETS.p99Ms });
    const count = maxRoundTrips(result.roundTrips);
    outcomes.push(
      Number.isNaN(count) ? missing(trips, result.roundTrips) : { target: trips, measured: String(count), met: count <= TARGETS.roundTrips },
    );
  }
  return outcomes;
}

export function targetsReport(outcomes: TargetOutcome[]): string {
  const missed = outcomes.filter((outcome) => !outcome.met).length;
  const rows = ["| Target | Measured | |", "|---|---|---|"];
  for (const outcome of outcomes) rows.push(`| ${outcome.target} | ${outcome.measured} | ${outcome.met ? "met" : "**missed**"} |`);
  rows.push("", missed ? `${missed} of ${outcomes.length} targets missed.` : `All ${outcomes.length} targets met.`);
  return rows.join("\n");
}
