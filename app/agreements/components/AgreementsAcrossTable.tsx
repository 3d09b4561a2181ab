import { Link } from "@remix-run/react";
import { INLINE_LINK_CLASS } from "~/components/link-styles";
import { formatDate, formatMoney } from "~/utils/format";
// Its fields are all JSON already (strings and numbers), so the loader data is the row itself.
import type { AgreementAcrossRow } from "../across-customers.server";
import { AGREEMENT_STATUS_LABELS, AGREEMENT_TYPE_LABELS, type AgreementStatus } from "../constants";

/** "Expiring soon · 12 days left": the status in words, with the days when they matter. */
export function statusText(status: AgreementStatus, daysLeft: number | null): string {
  const label = AGREEMENT_STATUS_LABELS[status];
  if (status !== "expiring_soon" || daysLeft === null) return label;
  if (daysLeft === 0) return `${label} · ends today`;
  return `${label} · ${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`;
}

const STATUS_STYLES: Record<AgreementStatus, string> = {
  expiring_soon: "bg-amber-100 text-amber-900",
  active: "bg-emerald-100 text-emerald-900",
  upcoming: "bg-sky-100 text-sky-900",
  suspended: "bg-slate-200 text-slate-800",
  expired: "bg-slate-100 text-slate-700",
  terminated: "bg-red-100 text-red-900",
};

/** Every agreement with its customer: a table on wide screens, stacked rows on phones. */
export function AgreementsAcrossTable({ rows, currency }: { rows: AgreementAcrossRow[]; currency: string }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {rows.map((row) => (
        <li key={row.id} className="grid gap-1 px-5 py-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-center sm:gap-4">
          <div className="min-w-0">
            <p className="font-medium wrap-anywhere">
              <Link to={`/customers/${row.customerId}/agreements`} className={INLINE_LINK_CLASS}>
                {row.customerName}
              </Link>
              <span className="text-slate-400"> · </span>
              {row.scope}
            </p>
            <p className="text-sm text-slate-600">
              {AGREEMENT_TYPE_LABELS[row.type]} · {formatDate(row.startDate)} – {formatDate(row.endDate)}
            </p>
          </div>
          <p className="text-sm text-slate-700">
            {row.outstanding !== "0.00" ? <>Outstanding {formatMoney(row.outstanding, currency)}</> : null}
          </p>
          <p>
            <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLES[row.status]}`}>
              {statusText(row.status, row.daysLeft)}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
