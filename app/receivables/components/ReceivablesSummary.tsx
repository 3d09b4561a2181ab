import { AGING_BUCKET_LABELS, AGING_BUCKETS } from "../constants";
import type { ReceivablesSummary as SummaryData } from "../receivables.server";
import { formatMoney } from "~/utils/format";
import { isPositiveMoney } from "./views";

/** The API's summary, as the loader hands it over. */
export type SummaryView = SummaryData;

/**
 * The share of `part` in `whole` as a whole percentage, for a bar's width
 * only (the figures themselves are shown as the server's exact strings).
 * Done on integer cents from the strings, never through a float of money.
 */
export function sharePercent(part: string, whole: string): number {
  const cents = (value: string) => BigInt(value.replace(".", ""));
  const total = cents(whole);
  if (total <= 0n) return 0;
  return Number((cents(part) * 100n) / total);
}

function Figure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className={`text-base tabular-nums wrap-anywhere ${strong ? "font-semibold text-slate-900" : "text-slate-800"}`}>{value}</dd>
    </div>
  );
}

/** Outstanding, credit, net, overdue and the aging of what is outstanding: the API's summary, to the cent. */
export function ReceivablesSummary({ summary, currency }: { summary: SummaryView; currency: string }) {
  const money = (value: string) => formatMoney(value, currency);
  return (
    <section aria-labelledby="receivables-summary-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="receivables-summary-heading" className="mb-3 text-lg font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Outstanding" value={money(summary.outstanding)} strong />
        <Figure label="Credit" value={money(summary.credit)} />
        <Figure label="Net" value={money(summary.net)} strong />
        <Figure label="Overdue" value={money(summary.overdue)} />
      </dl>
      {isPositiveMoney(summary.outstanding) ? (
        <table className="mt-4 w-full text-sm">
          <caption className="mb-1 text-left text-sm font-medium text-slate-700">Aging of the outstanding balance</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Days past due</th>
              <th scope="col">Amount</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {AGING_BUCKETS.map((bucket) => {
              const share = sharePercent(summary.aging[bucket], summary.outstanding);
              return (
                <tr key={bucket}>
                  <th scope="row" className="w-28 py-1 pr-3 text-left font-normal text-slate-700 sm:w-36">
                    {AGING_BUCKET_LABELS[bucket]}
                  </th>
                  <td className="w-28 whitespace-nowrap py-1 pr-3 text-right tabular-nums sm:w-36">{money(summary.aging[bucket])}</td>
                  <td className="py-1">
                    <span className="sr-only">{share}%</span>
                    <div aria-hidden="true" className="h-2 rounded-full bg-slate-100">
                      <div className={`h-2 rounded-full ${bucket === "current" ? "bg-sky-600" : "bg-rose-600"}`} style={{ width: `${share}%` }} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
