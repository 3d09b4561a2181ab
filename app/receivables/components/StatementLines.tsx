import { formatDate, formatMoney } from "~/utils/format";
import type { Statement, StatementLine } from "../statement.server";

// On a phone the table keeps two columns, what happened and the balance after
// it; the date, due date and amount move into the first. From `sm` up (and on
// paper) each has its own column.
const cell = "px-2 py-2 align-top sm:px-3";
const wide = "hidden sm:table-cell";
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`;

function lineDetails(line: StatementLine): string {
  if (line.type === "invoice") return `Invoice ${line.reference ?? ""}`.trim();
  const payment = `Payment ${line.reference ?? ""}`.trim();
  return line.invoiceReference ? `${payment} (for ${line.invoiceReference})` : payment;
}

/** The lines between the opening and the closing balance, each with the balance after it. */
export function StatementLines({
  statement,
  currency,
  labelledBy,
}: {
  statement: Pick<Statement, "period" | "lines" | "opening" | "invoiced" | "received" | "closing">;
  currency: string;
  labelledBy: string;
}) {
  const money = (value: string) => formatMoney(value, currency);
  const { period, lines } = statement;
  return (
    <table aria-labelledby={labelledBy} className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th scope="col" className={`${cell} ${wide}`}>Date</th>
          <th scope="col" className={cell}>Details</th>
          <th scope="col" className={`${cell} ${wide}`}>Due</th>
          <th scope="col" className={`${cell} ${wide} text-right`}>Invoiced</th>
          <th scope="col" className={`${cell} ${wide} text-right`}>Paid</th>
          <th scope="col" className={`${cell} text-right`}>Balance</th>
        </tr>
      </thead>
      <tbody>
        <tr className="border-b border-slate-200">
          <td className={`${cell} ${wide} whitespace-nowrap`}>{formatDate(period.from)}</td>
          <th scope="row" className={`${cell} text-left font-medium sm:hidden`}>
            Opening balance <span className="block font-normal text-slate-600">{formatDate(period.from)}</span>
          </th>
          <th scope="row" colSpan={4} className={`${cell} ${wide} text-left font-medium`}>
            Opening balance
          </th>
          <td className={numeric}>{money(statement.opening)}</td>
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
            <td className={`${cell} ${wide} whitespace-nowrap`}>{formatDate(line.date)}</td>
            <td className={cell}>
              <span className="block text-slate-600 sm:hidden">{formatDate(line.date)}</span>
              <span className="font-medium wrap-break-word">{lineDetails(line)}</span>
              <span className="font-medium tabular-nums sm:hidden">
                {" "}
                {line.type === "invoice" ? money(line.amount) : `−${money(line.amount)}`}
              </span>
              {line.description ? <span className="block text-slate-600 wrap-break-word">{line.description}</span> : null}
              {line.dueDate ? <span className="block text-slate-600 sm:hidden">Due {formatDate(line.dueDate)}</span> : null}
            </td>
            <td className={`${cell} ${wide} whitespace-nowrap`}>{line.dueDate ? formatDate(line.dueDate) : ""}</td>
            <td className={`${numeric} ${wide}`}>{line.type === "invoice" ? money(line.amount) : ""}</td>
            <td className={`${numeric} ${wide}`}>{line.type === "payment" ? money(line.amount) : ""}</td>
            <td className={numeric}>{money(line.balance)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-slate-400 font-semibold">
          <td className={`${cell} ${wide} whitespace-nowrap`}>{formatDate(period.to)}</td>
          <th scope="row" className={`${cell} text-left sm:hidden`}>
            Closing balance <span className="block font-normal text-slate-600">{formatDate(period.to)}</span>
          </th>
          <th scope="row" colSpan={2} className={`${cell} ${wide} text-left`}>
            Period totals and closing balance
          </th>
          <td className={`${numeric} ${wide}`}>{money(statement.invoiced)}</td>
          <td className={`${numeric} ${wide}`}>{money(statement.received)}</td>
          <td className={numeric}>{money(statement.closing)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
