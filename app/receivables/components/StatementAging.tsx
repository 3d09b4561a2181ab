import { formatDate, formatMoney } from "~/utils/format";
import { AGING_BUCKET_LABELS, AGING_BUCKETS } from "../constants";
import type { Statement } from "../statement.server";

const cell = "px-3 py-2";
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`;

/**
 * What was still owed at the period's end, by days past due then, and the
 * credit beside it (not spread over the buckets): the buckets add up to the
 * outstanding amount, and outstanding − credit is the closing balance.
 */
export function StatementAging({ statement, currency }: { statement: Pick<Statement, "aging" | "outstanding" | "credit" | "closing" | "period">; currency: string }) {
  const money = (value: string) => formatMoney(value, currency);
  const at = formatDate(statement.period.to);
  return (
    <section aria-labelledby="statement-aging-title" className="statement-aging space-y-2">
      <h3 id="statement-aging-title" className="font-semibold">
        Aging on {at}
      </h3>
      <div className="overflow-x-auto print:overflow-visible">
        <table className="w-full max-w-xl border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-600">
              <th scope="col" className={cell}>Days past due</th>
              <th scope="col" className={`${cell} text-right`}>Amount</th>
            </tr>
          </thead>
          <tbody>
            {AGING_BUCKETS.map((bucket) => (
              <tr key={bucket} className="border-b border-slate-200">
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {AGING_BUCKET_LABELS[bucket]}
                </th>
                <td className={numeric}>{money(statement.aging[bucket])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-400 font-semibold">
              <th scope="row" className={`${cell} text-left`}>Outstanding</th>
              <td className={numeric}>{money(statement.outstanding)}</td>
            </tr>
            <tr>
              <th scope="row" className={`${cell} text-left font-normal`}>
                Less credit<sup aria-hidden="true">*</sup>
              </th>
              <td className={numeric}>{money(statement.credit)}</td>
            </tr>
            <tr className="font-semibold">
              <th scope="row" className={`${cell} text-left`}>Closing balance</th>
              <td className={numeric}>{money(statement.closing)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-xs text-slate-600">
        * Credit is money received on or before {at} that no invoice on this statement takes up: payments not applied to an
        invoice, and what was paid on an invoice beyond its amount. It is not taken off the aging above, which shows each
        invoice&rsquo;s unpaid part by how many days past due it was on {at}; the closing balance is the outstanding amount
        less the credit.
      </p>
    </section>
  );
}
