import { formatDate, formatMoney } from "~/utils/format";
import type { Statement as StatementData } from "../statement.server";
import { StatementAging } from "./StatementAging";
import { StatementLines } from "./StatementLines";

/** The loader's statement as JSON: the same fields. */
export type StatementView = StatementData;

function Amount({ value, currency }: { value: string; currency: string }) {
  return <>{formatMoney(value, currency)}</>;
}

/**
 * A statement of account, laid out for the screen and for paper: one table
 * of lines between the opening and closing balances, the totals, the aging.
 * Rows never split across pages and the header row repeats (tailwind.css).
 */
export function Statement({ statement, currency }: { statement: StatementView; currency: string }) {
  const { period } = statement;
  const periodText = `${formatDate(period.from)} – ${formatDate(period.to)}`;
  return (
    <article aria-labelledby="statement-title" className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0">
      <header className="space-y-3">
        <h2 id="statement-title" className="text-xl font-bold">
          Statement of account
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-600">Customer</dt>
          <dd className="wrap-anywhere">{statement.customerName}</dd>
          <dt className="font-medium text-slate-600">From</dt>
          <dd className="wrap-anywhere">{statement.accountName}</dd>
          <dt className="font-medium text-slate-600">Period</dt>
          <dd>{periodText}</dd>
        </dl>
      </header>

      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" aria-label="Totals">
        {(
          [
            ["Opening balance", statement.opening],
            ["Invoiced", statement.invoiced],
            ["Received", statement.received],
            ["Closing balance", statement.closing],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 p-3">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-base font-semibold tabular-nums">
              <Amount value={value} currency={currency} />
            </dd>
          </div>
        ))}
      </dl>

      <div className="space-y-2">
        {/* A heading, not a caption: a caption is as wide as the table and scrolls away with it on a phone. */}
        <h3 id="statement-lines-title" className="font-semibold">
          Transactions, {periodText}
        </h3>
        <div className="overflow-x-auto print:overflow-visible">
          <StatementLines statement={statement} currency={currency} labelledBy="statement-lines-title" />
        </div>
      </div>

      <StatementAging statement={statement} currency={currency} />
    </article>
  );
}
