import { checkTargets, maxRoundTrips, TARGETS, targetsReport } from "../../bench/targets";
import type { ScenarioResult } from "../../bench/scenarios";

// The comparison `npm run bench -- --check` makes (bench/targets.ts), on
// made-up results: no server, no database.

function result(overrides: Partial<ScenarioResult>): ScenarioResult {
  return {
    name: "list GET /customers",
    page: "list",
    kind: "document",
    method: "GET",
    process: "single",
    requestsPerSecond: 100,
    p50: 10,
    p99: 50,
    requests: 1000,
    errors: 0,
    errorDetail: "",
    roundTrips: "2",
    cpu: { nodeMs: 3, postgresMs: 1.5 },
    ...overrides,
  };
}

/** A run that meets every target, against a baseline of 200 req/s. */
const passing = (): ScenarioResult[] => [
  result({ name: "baseline", page: undefined, kind: "baseline", p99: 500, roundTrips: "n/a (header missing)" }),
  result({ name: "list", requestsPerSecond: 80 }),
  result({ name: "list data", kind: "data", requestsPerSecond: 130, cpu: { nodeMs: 2, postgresMs: 1 } }),
  result({ name: "api list", kind: "api", requestsPerSecond: 150, cpu: { nodeMs: 1, postgresMs: 1 } }),
  result({ name: "overview", page: "overview", p99: 100, roundTrips: "3" }),
  result({ name: "create", page: undefined, method: "POST", p99: 900, roundTrips: "5" }),
];
const BASELINE = 200;

const missedTargets = (results: ScenarioResult[]) =>
  checkTargets(results, BASELINE)
    .filter((outcome) => !outcome.met)
    .map((outcome) => outcome.target);

describe("checkTargets", () => {
  it("passes a run within every target; the baseline and POST scenarios are not held to p99 or round trips", () => {
    const outcomes = checkTargets(passing(), BASELINE);
    expect(outcomes.filter((outcome) => !outcome.met)).toEqual([]);
    expect(outcomes.some((outcome) => outcome.target.includes("baseline") && outcome.target.startsWith("p99"))).toBe(false);
    expect(outcomes.some((outcome) => outcome.target.endsWith(": create"))).toBe(false);
    expect(targetsReport(outcomes)).toContain(`All ${outcomes.length} targets met.`);
  });

  it.each([
    ["list document Node CPU", { name: "list", nodeMs: 4.01 }, `Node CPU per list document ≤ ${TARGETS.listDocumentNodeMs} ms`],
    ["list loader data Node CPU", { name: "list data", nodeMs: 2.6 }, `Node CPU per list loader-data request ≤ ${TARGETS.listDataNodeMs} ms`],
    ["list document PostgreSQL CPU", { name: "list", postgresMs: 2.1 }, `PostgreSQL CPU per list document ≤ ${TARGETS.listPostgresMs} ms`],
    ["API list PostgreSQL CPU", { name: "api list", postgresMs: 3 }, `PostgreSQL CPU per API list request ≤ ${TARGETS.listPostgresMs} ms`],
  ])("misses the %s target above its limit", (_label, change, target) => {
    const results = passing().map((each) =>
      each.name === change.name && each.cpu ? { ...each, cpu: { ...each.cpu, ...("nodeMs" in change ? { nodeMs: change.nodeMs } : { postgresMs: change.postgresMs }) } } : each,
    );
    expect(missedTargets(results)).toEqual([target]);
  });

  it("compares requests/s with the baseline: 0.35× for the document, 0.6× for loader data and the API", () => {
    const slower = passing().map((each) =>
      each.name === "list" ? { ...each, requestsPerSecond: 69 } : each.name === "api list" ? { ...each, requestsPerSecond: 119 } : each,
    );
    expect(missedTargets(slower)).toEqual([`list document ≥ ${TARGETS.listDocumentRatio}× baseline req/s`, `API list ≥ ${TARGETS.apiListRatio}× baseline req/s`]);
    // Exactly at the ratio is met.
    const atLimit = passing().map((each) => (each.name === "list" ? { ...each, requestsPerSecond: 70 } : each));
    expect(missedTargets(atLimit)).toEqual([]);
  });

  it("holds every GET scenario of the app to the p99 and round-trip limits", () => {
    const results = passing().map((each) => (each.name === "overview" ? { ...each, p99: 101, roundTrips: "3 / 4" } : each));
    expect(missedTargets(results)).toEqual(["p99 ≤ 100 ms: overview", "SQL round trips ≤ 3: overview"]);
  });

  it("misses what it cannot read: a failed or absent scenario, no CPU reading, no round-trip header", () => {
    const results = passing()
      .filter((each) => each.name !== "api list")
      .map((each) =>
        each.name === "list data"
          ? { ...each, failure: "GET … answered 500" }
          : each.name === "overview"
            ? { ...each, roundTrips: "n/a (header missing)" }
            : each.name === "list"
              ? { ...each, cpu: undefined }
              : each,
      );
    const outcomes = checkTargets(results, BASELINE);
    const missed = outcomes.filter((outcome) => !outcome.met);
    expect(missed.map((outcome) => outcome.target)).toEqual([
      "Node CPU per list document ≤ 4 ms",
      "Node CPU per list loader-data request ≤ 2.5 ms",
      "PostgreSQL CPU per list document ≤ 2 ms",
      "PostgreSQL CPU per list loader-data request ≤ 2 ms",
      "PostgreSQL CPU per API list request ≤ 2 ms",
      "list loader data ≥ 0.6× baseline req/s",
      "API list ≥ 0.6× baseline req/s",
      "p99 ≤ 100 ms: list data",
      "SQL round trips ≤ 3: list data",
      "SQL round trips ≤ 3: overview",
    ]);
    expect(missed.find((outcome) => outcome.target.startsWith("API list"))?.measured).toBe("not run");
    expect(targetsReport(outcomes)).toContain(`${missed.length} of ${outcomes.length} targets missed.`);
  });

  it("does not take the production process model's list for the single process's", () => {
    const results = passing().map((each) => (each.name === "list" ? { ...each, process: "production" as const } : each));
    expect(missedTargets(results)).toContain("Node CPU per list document ≤ 4 ms");
  });
});

describe("maxRoundTrips", () => {
  it.each([
    ["2", 2],
    ["2 / 3", 3],
    ["n/a (header missing)", Number.NaN],
    ["2 / n/a (header missing)", Number.NaN],
  ])("reads %j as %d", (reading, expected) => {
    expect(maxRoundTrips(reading)).toBe(expected);
  });
});
