import { formatMoney } from "~/utils/format";
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from "../constants";
import type { ReceivablesSummary } from "../receivables.server";

function Figure({ label, note, value }: { label: string; note?: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 truncate text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {note ? <dd className="mt-0.5 text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

/** Totals over every live customer, then the outstanding amount by days past due. */
export function ReceivablesTotals({ totals, currency }: { totals: ReceivablesSummary; currency: string }) {
  const money = (amount: string) => formatMoney(amount, currency);
  return (
    <section aria-labelledby="totals-heading" className="space-y-4">
      <h2 id="totals-heading" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <Figure label="Outstanding" note="Owed on sent invoices" value={money(totals.outstanding)} />
        <Figure label="Overdue" note="Owed past the due date" value={money(totals.overdue)} />
        <Figure label="Credit" note="Paid but not applied, or overpaid" value={money(totals.credit)} />
        <Figure label="Net" note="Outstanding less credit" value={money(totals.net)} />
      </dl>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="text-sm font-medium text-slate-600">Outstanding by days past due</h3>
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-5">
          {AGING_BUCKETS.map((bucket) => (
            <div key={bucket} className="min-w-0">
              <dt className="text-xs font-medium text-slate-500">{AGING_BUCKET_LABELS[bucket]}</dt>
              <dd className="truncate text-sm tabular-nums text-slate-900">{money(totals.aging[bucket])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
