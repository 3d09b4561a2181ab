import autocannon, { type Options, type RawResult } from "autocannon";
import type { CpuMeter, CpuPerRequest } from "./cpu";
import { sample } from "./http";

/**
 * A scenario is one request, repeated by autocannon over `connections`
 * connections (split evenly when it targets several app processes). Before
 * the load, one plain request checks the answer and reads X-Sql-Round-Trips.
 */

/** What a scenario's response is: the floor, an HTML page, its loader data (`?_data=`), or the JSON API. */
export type ScenarioKind = "baseline" | "document" | "data" | "api";

/** Which app it loads: started with WEB_CONCURRENCY=1, or as production starts it (WEB_CONCURRENCY unset). */
export type ProcessModel = "single" | "production";

/** Where a result belongs in the report and the targets (bench/targets.ts). */
export interface ScenarioLabel {
  /** The page it measures ("list", "overview", …): its document and loader data share it. */
  page?: string;
  kind: ScenarioKind;
  method: "GET" | "POST";
  process: ProcessModel;
}

export interface Scenario extends Partial<ScenarioLabel> {
  name: string;
  origins: string[];
  path: string;
  headers: Record<string, string>;
  /** Form body; `[<id>]` becomes a fresh id per request. */
  body?: string;
  /** Any other status (and any socket error or timeout) counts as an error. */
  expectedStatus: number;
}

export interface ScenarioResult extends ScenarioLabel {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** What the statuses other than the expected one were, e.g. "500×3". */
  errorDetail: string;
  /** X-Sql-Round-Trips of the sample request(s), or "n/a (header missing)". */
  roundTrips: string;
  /** CPU per completed request during the measured load, when a meter was given. */
  cpu?: CpuPerRequest;
  /** Set when the sample request did not get the expected status: the numbers mean nothing. */
  failure?: string;
}

export interface LoadSettings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

function options(scenario: Scenario, origin: string, connections: number, seconds: number): Options {
  return {
    url: `${origin}${scenario.path}`,
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
    idReplacement: scenario.body?.includes("[<id>]") ?? false,
    connections,
    duration: seconds,
  };
}

async function load(scenario: Scenario, connections: number, seconds: number) {
  const perOrigin = Math.max(1, Math.round(connections / scenario.origins.length));
  const raw = await Promise.all(
    scenario.origins.map((origin) => autocannon({ ...options(scenario, origin, perOrigin, seconds), skipAggregateResult: true })),
  );
  const completed = raw.reduce((sum: number, run: RawResult) => sum + run.totalCompletedRequests, 0);
  const duration = Math.max(...raw.map((run) => run.duration));
  // aggregateResult validates its options like a run's: it wants a url.
  const result = autocannon.aggregateResult(raw, { url: `${scenario.origins[0]}${scenario.path}`, connections });
  return { result, completed, duration };
}

function labelOf(scenario: Scenario): ScenarioLabel {
  return {
    ...(scenario.page === undefined ? {} : { page: scenario.page }),
    kind: scenario.kind ?? "document",
    method: scenario.method ?? "GET",
    process: scenario.process ?? "single",
  };
}

export async function runScenario(scenario: Scenario, settings: LoadSettings, meter?: CpuMeter): Promise<ScenarioResult> {
  const roundTrips: string[] = [];
  for (const origin of scenario.origins) {
    const response = await sample(`${origin}${scenario.path}`, {
      method: scenario.method ?? "GET",
      headers: scenario.headers,
      body: scenario.body?.replaceAll("[<id>]", "sample"),
    });
    if (response.status !== scenario.expectedStatus) {
      return {
        ...labelOf(scenario),
        name: scenario.name,
        requestsPerSecond: 0,
        p50: 0,
        p99: 0,
        requests: 0,
        errors: 0,
        errorDetail: "",
        roundTrips: response.roundTrips ?? "n/a (header missing)",
        failure: `${scenario.method ?? "GET"} ${origin}${scenario.path} answered ${response.status}${response.location ? ` → ${response.location}` : ""}, expected ${scenario.expectedStatus}`,
      };
    }
    roundTrips.push(response.roundTrips ?? "n/a (header missing)");
  }

  if (settings.warmupSeconds > 0) await load(scenario, settings.connections, settings.warmupSeconds);
  const stopMeter = await meter?.();
  const { result, completed, duration } = await load(scenario, settings.connections, settings.seconds);
  const used = await stopMeter?.();

  const unexpected = Object.entries(result.statusCodeStats).filter(([status]) => Number(status) !== scenario.expectedStatus);
  // autocannon's `errors` includes its `timeouts`.
  const socketErrors = result.errors;
  const detail = unexpected.map(([status, { count }]) => `${status}×${count}`);
  if (result.errors > result.timeouts) detail.push(`socket errors×${result.errors - result.timeouts}`);
  if (result.timeouts) detail.push(`timeouts×${result.timeouts}`);
  return {
    ...labelOf(scenario),
    name: scenario.name,
    requestsPerSecond: completed / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: completed,
    errors: socketErrors + unexpected.reduce((sum, [, { count }]) => sum + count, 0),
    errorDetail: detail.join(", "),
    roundTrips: [...new Set(roundTrips)].join(" / "),
    ...(used && completed ? { cpu: { nodeMs: used.nodeMs / completed, postgresMs: used.postgresMs / completed } } : {}),
  };
}
