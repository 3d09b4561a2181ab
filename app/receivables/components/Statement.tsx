import { formatDate, formatMoney } from "~/utils/format";
import type { Statement as StatementData, StatementLine } from "../statement.server";
import { StatementAging } from "./StatementAging";

/** The loader's statement as JSON: the same fields. */
export type StatementView = StatementData;

const cell = "px-3 py-2 align-top";
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`;

function lineDetails(line: StatementLine): string {
  if (line.type === "invoice") return `Invoice ${line.reference ?? ""}`.trim();
  const payment = `Payment ${line.reference ?? ""}`.trim();
  return line.invoiceReference ? `${payment} (for ${line.invoiceReference})` : payment;
}

function Amount({ value, currency }: { value: string; currency: string }) {
  return <>{formatMoney(value, currency)}</>;
}

/**
 * A statement of account, laid out for the screen and for paper: one table
 * of lines between the opening and closing balances, the totals, the aging.
 * Rows never split across pages and the header row repeats (tailwind.css).
 */
export function Statement({ statement, currency }: { statement: StatementView; currency: string }) {
  const { period, lines } = statement;
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

      <div className="overflow-x-auto print:overflow-visible">
        <table className="statement-table w-full min-w-[40rem] border-collapse text-sm print:min-w-0">
          <caption className="mb-2 text-left font-semibold">Transactions, {periodText}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-600">
              <th scope="col" className={cell}>Date</th>
              <th scope="col" className={cell}>Details</th>
              <th scope="col" className={cell}>Due</th>
              <th scope="col" className={`${cell} text-right`}>Invoiced</th>
              <th scope="col" className={`${cell} text-right`}>Paid</th>
              <th scope="col" className={`${cell} text-right`}>Balance</th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-200">
              <td className={cell}>{formatDate(period.from)}</td>
              <th scope="row" colSpan={4} className={`${cell} text-left font-medium`}>
                Opening balance
              </th>
              <td className={numeric}>
                <Amount value={statement.opening} currency={currency} />
              </td>
            </tr>
            {lines.length === 0 ? (
              <tr className="border-b border-slate-200">
                <td colSpan={6} className={`${cell} text-slate-600`}>
                  No invoices or payments in this period.
                </td>
              </tr>
            ) : null}
            {lines.map((line) => (
              <tr key={line.id} className="border-b border-slate-200">
                <td className={`${cell} whitespace-nowrap`}>{formatDate(line.date)}</td>
                <td className={cell}>
                  <span className="font-medium wrap-anywhere">{lineDetails(line)}</span>
                  {line.description ? <span className="block text-slate-600 wrap-anywhere">{line.description}</span> : null}
                </td>
                <td className={`${cell} whitespace-nowrap`}>{line.dueDate ? formatDate(line.dueDate) : ""}</td>
                <td className={numeric}>{line.type === "invoice" ? <Amount value={line.amount} currency={currency} /> : ""}</td>
                <td className={numeric}>{line.type === "payment" ? <Amount value={line.amount} currency={currency} /> : ""}</td>
                <td className={numeric}>
                  <Amount value={line.balance} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-400 font-semibold">
              <td className={cell}>{formatDate(period.to)}</td>
              <th scope="row" colSpan={2} className={`${cell} text-left`}>
                Closing balance
              </th>
              <td className={numeric}>
                <Amount value={statement.invoiced} currency={currency} />
              </td>
              <td className={numeric}>
                <Amount value={statement.received} currency={currency} />
              </td>
              <td className={numeric}>
                <Amount value={statement.closing} currency={currency} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      <StatementAging statement={statement} currency={currency} />
    </article>
  );
}
