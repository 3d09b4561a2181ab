import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { INLINE_LINK_CLASS } from "~/components/link-styles";
import { formatDate, formatMoney } from "~/utils/format";
import { INVOICE_DISPLAY_STATUS_LABELS, type InvoiceDisplayStatus, type ReceivableType, type StoredStatus } from "../constants";

/** One row of /receivables, as the loader sends it. */
export interface AcrossEntry {
  id: string;
  customerId: string;
  customerName: string;
  type: ReceivableType;
  reference: string | null;
  date: string;
  dueDate: string | null;
  daysOverdue: number | null;
  status: StoredStatus;
  displayStatus: InvoiceDisplayStatus | null;
  amount: string;
  paid: string | null;
  balance: string | null;
}

const STATUS_STYLES: Record<InvoiceDisplayStatus | "received", string> = {
  overdue: "bg-red-100 text-red-900",
  partial: "bg-amber-100 text-amber-900",
  open: "bg-sky-100 text-sky-900",
  paid: "bg-emerald-100 text-emerald-900",
  draft: "bg-slate-100 text-slate-700",
  void: "bg-slate-200 text-slate-800",
  received: "bg-emerald-100 text-emerald-900",
};

function StatusBadge({ entry }: { entry: AcrossEntry }) {
  const status = entry.displayStatus ?? (entry.status === "void" ? "void" : "received");
  const label = entry.displayStatus ? INVOICE_DISPLAY_STATUS_LABELS[entry.displayStatus] : status === "void" ? "Void" : "Received";
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}>
      {status === "overdue" ? <Icon name="alert-triangle" className="h-3.5 w-3.5" /> : null}
      {label}
    </span>
  );
}

function daysOverdueText(days: number | null): string | null {
  if (days === null) return null;
  if (days === 0) return "Not yet due";
  return `${days} ${days === 1 ? "day" : "days"} overdue`;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0 sm:text-right">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="truncate text-sm tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

/** Invoices (or payments) across customers: stacked on phones, in columns on wide screens. */
export function ReceivablesAcrossList({ entries, currency }: { entries: AcrossEntry[]; currency: string }) {
  const money = (amount: string) => formatMoney(amount, currency);
  return (
    <ul aria-label="Receivables" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {entries.map((entry) => {
        const overdue = daysOverdueText(entry.daysOverdue);
        const noun = entry.type === "invoice" ? "Invoice" : "Payment";
        return (
          <li key={entry.id} className="grid gap-2 px-5 py-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-center lg:gap-4">
            <div className="min-w-0">
              <p className="font-medium wrap-anywhere">
                <Link
                  to={`/customers/${entry.customerId}/receivables`}
                  className={INLINE_LINK_CLASS}
                >
                  {entry.customerName}
                </Link>
                <span className="text-slate-400"> · </span>
                {noun} {entry.reference ?? ""}
              </p>
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
                <StatusBadge entry={entry} />
                <span>{entry.dueDate ? `Due ${formatDate(entry.dueDate)}` : formatDate(entry.date)}</span>
                {overdue && entry.daysOverdue ? <span className="font-medium text-red-800">{overdue}</span> : overdue ? <span>{overdue}</span> : null}
              </p>
            </div>
            <dl className="grid grid-cols-3 gap-x-4">
              <Figure label="Amount" value={money(entry.amount)} />
              <Figure label="Paid" value={entry.paid === null ? "—" : money(entry.paid)} />
              <Figure label="Balance" value={entry.balance === null ? "—" : money(entry.balance)} />
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
