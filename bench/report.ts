import { cpus, totalmem, type as osType, release } from "node:os";
import type { AssetSizes } from "./http";
import type { PlanCheck } from "./plan-check";
import type { ScenarioResult } from "./scenarios";

/** What the bench prints: plain text while it runs, a Markdown table at the end (for bench/RESULTS.md). */

export function machineDescription(postgresVersion: string): string {
  const cpu = cpus();
  return [
    `${osType()} ${release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `Node ${process.version}, ${postgresVersion.split(" on ")[0]}`,
  ].join("; ");
}

export function planReport(check: PlanCheck, enforced: boolean): string {
  const lines = [`Plan check (EXPLAIN ANALYZE as ${check.ranAs})${enforced ? "" : " — not enforced below full size"}:`];
  for (const result of check.results) {
    const verdict = result.fatalSeqScans.length ? `SEQ SCAN on ${result.fatalSeqScans.join(", ")}` : "ok";
    lines.push(`  ${verdict.padEnd(23)} ${result.name} (${result.executionMs.toFixed(1)} ms): ${result.scans.join("; ")}`);
    for (const scan of result.otherSeqScans) lines.push(`  ${"note".padEnd(23)} sequential scan ${scan}`);
  }
  return lines.join("\n");
}

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function cpuText(result: ScenarioResult): string {
  return result.cpu ? `, CPU per request: Node ${result.cpu.nodeMs.toFixed(1)} ms, PostgreSQL ${result.cpu.postgresMs.toFixed(1)} ms` : "";
}

export function resultLine(result: ScenarioResult): string {
  if (result.failure) return `  ✗ ${result.name}: ${result.failure}`;
  const errors = result.errors ? `, errors ${result.errors} (${result.errorDetail})` : "";
  return (
    `  ${result.name}: ${number(result.requestsPerSecond, 1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
    `${number(result.requests)} requests${errors}, SQL round trips ${result.roundTrips}${cpuText(result)}`
  );
}

export function resultsTable(results: ScenarioResult[], baselineRps: number): string {
  const rows = [
    "| Scenario | Requests/s | × baseline | p50 ms | p99 ms | Errors | SQL round trips / request | CPU ms / request: Node | PostgreSQL |",
    "|---|---:|---:|---:|---:|---:|---|---:|---:|",
  ];
  for (const result of results) {
    if (result.failure) {
      rows.push(`| ${result.name} | failed: ${result.failure} | | | | | ${result.roundTrips} | | |`);
      continue;
    }
    const ratio = baselineRps ? (result.requestsPerSecond / baselineRps).toFixed(2) : "n/a";
    const errors = result.errors ? `${result.errors} (${result.errorDetail})` : "0";
    rows.push(
      `| ${result.name} | ${number(result.requestsPerSecond, 1)} | ${ratio} | ${result.p50} | ${result.p99} | ${errors} | ${result.roundTrips} | ` +
        `${result.cpu ? result.cpu.nodeMs.toFixed(1) : "n/a"} | ${result.cpu ? result.cpu.postgresMs.toFixed(1) : "n/a"} |`,
    );
  }
  return rows.join("\n");
}

export function assetReport(sizes: AssetSizes): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    `Browser transfer for /customers (gzip, zlib default level):`,
    `  JS:   ${kb(sizes.js.gzip)} gzip (${kb(sizes.js.bytes)} raw) in ${sizes.js.files} files`,
    `  CSS:  ${kb(sizes.css.gzip)} gzip (${kb(sizes.css.bytes)} raw) in ${sizes.css.files} files`,
    `  HTML: ${kb(sizes.html.gzip)} gzip (${kb(sizes.html.bytes)} raw)`,
  ].join("\n");
}

function cells(result: ScenarioResult | undefined): string {
  if (!result) return "| | | |";
  if (result.failure) return "failed | | |";
  const ms = (value: number | undefined) => (value === undefined ? "n/a" : value.toFixed(1));
  return `${number(result.requestsPerSecond, 1)} | ${result.p99} | ${ms(result.cpu?.nodeMs)} | ${ms(result.cpu?.postgresMs)}`;
}

/** Each page's document beside its loader data (`?_data=`): what a first visit and a client-side navigation cost. */
export function pagesTable(results: ScenarioResult[]): string {
  const rows = [
    "| Page | Document req/s | p99 ms | Node CPU ms | PG CPU ms | Loader data req/s | p99 ms | Node CPU ms | PG CPU ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const single = results.filter((result) => result.process === "single" && result.page !== undefined);
  const pages = [...new Set(single.map((result) => result.page))];
  for (const page of pages) {
    const of = (kind: ScenarioResult["kind"]) => single.find((result) => result.page === page && result.kind === kind);
    rows.push(`| ${page} | ${cells(of("document"))} | ${cells(of("data"))} |`);
  }
  return rows.join("\n");
}

/** The list page under each process model (WEB_CONCURRENCY=1, and unset as in production). */
export function processTable(results: ScenarioResult[]): string {
  const rows = ["| List document | Requests/s | p99 ms | Node CPU ms | PG CPU ms |", "|---|---:|---:|---:|---:|"];
  for (const [label, model] of [["single process (WEB_CONCURRENCY=1)", "single"], ["production process model (WEB_CONCURRENCY unset)", "production"]] as const) {
    rows.push(`| ${label} | ${cells(results.find((result) => result.page === "list" && result.kind === "document" && result.process === model))} |`);
  }
  return rows.join("\n");
}
