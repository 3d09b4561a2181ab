import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Icon } from "~/components/icons/Icon";
import { formatDateTime, formatMoney, formatRelativeTime, toIsoString } from "~/utils/format";
import { CustomerStatusBadge } from "./CustomerStatusBadge";

export interface CustomerCardData {
  id: string;
  name: string;
  status: string;
  vertical: string | null;
  productName: string | null;
  teamSize: number;
  lastInteractionAt: string | null;
  /** One of its agreements is expiring soon. */
  expiringSoon: boolean;
  /** Owed on its sent invoices, as a decimal string (optional for callers that list no money, e.g. bench/baseline.ts). */
  outstanding?: string;
  /** A sent invoice with a balance is past due. */
  overdue?: boolean;
  updatedAt: string | null;
}

export function formatTeamSize(teamSize: number): string {
  if (teamSize <= 0) return "No team yet";
  return teamSize === 1 ? "1 person" : `${teamSize} people`;
}

/** One line per detail, cut short when it does not fit; `full` is then the whole text, on hover. */
function Detail({ label, full, children }: { label: string; full?: string | null; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="truncate text-sm text-slate-900" title={full ?? undefined}>
        {children}
      </dd>
    </div>
  );
}

function NotSet() {
  return <span className="text-slate-500">Not set</span>;
}

/** How times are shown: relative to `now` (from the loader), on the account's clock. */
export interface CardClock {
  now: Date;
  timeZone: string;
}

function Relative({ value, now, timeZone }: { value: string } & CardClock) {
  return (
    <time dateTime={toIsoString(value)} title={formatDateTime(value, timeZone)}>
      {formatRelativeTime(value, now, timeZone)}
    </time>
  );
}

/**
 * One row of the customer list. The name is the only link (one tab stop per
 * card, a meaningful link text); its ::after stretches over the card so the
 * whole card is clickable for pointer users, and carries the focus ring so the
 * keyboard user sees the whole card highlighted.
 */
export function CustomerCard({ customer, now, timeZone, currency }: { customer: CustomerCardData; currency?: string } & CardClock) {
  return (
    <article className="relative flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-indigo-300 hover:bg-slate-50/60 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="min-w-0 text-base font-semibold text-slate-900">
            <Link
              to={`/customers/${customer.id}/overview`}
              prefetch="intent"
              className="wrap-anywhere after:absolute after:inset-0 after:rounded-lg hover:text-indigo-700 focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-indigo-600"
            >
              {customer.name}
            </Link>
          </h2>
          <CustomerStatusBadge status={customer.status} />
          {customer.expiringSoon ? (
            <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-700/20">
              <Icon name="clock" className="h-3.5 w-3.5" />
              Agreement expiring soon
            </span>
          ) : null}
          {customer.overdue ? (
            <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-700/20">
              <Icon name="alert-triangle" className="h-3.5 w-3.5" />
              Payment overdue
            </span>
          ) : null}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:flex sm:flex-wrap">
          <Detail label="Vertical" full={customer.vertical}>
            {customer.vertical ?? <NotSet />}
          </Detail>
          <Detail label="Product" full={customer.productName}>
            {customer.productName ?? <NotSet />}
          </Detail>
          <Detail label="Team">{formatTeamSize(customer.teamSize)}</Detail>
          {/* A decimal string: "0.00" is exactly how SQL writes nothing owed. */}
          {customer.outstanding && customer.outstanding !== "0.00" && currency ? <Detail label="Outstanding">{formatMoney(customer.outstanding, currency)}</Detail> : null}
        </dl>
      </div>
      <dl className="grid shrink-0 grid-cols-2 gap-x-6 gap-y-2 border-t border-slate-100 pt-3 sm:flex sm:flex-col sm:border-t-0 sm:pt-0 sm:text-right">
        <Detail label="Last interaction">
          {customer.lastInteractionAt ? (
            <Relative value={customer.lastInteractionAt} now={now} timeZone={timeZone} />
          ) : (
            <span className="text-slate-500">No interactions yet</span>
          )}
        </Detail>
        <Detail label="Updated">
          {customer.updatedAt ? <Relative value={customer.updatedAt} now={now} timeZone={timeZone} /> : "Unknown"}
        </Detail>
      </dl>
    </article>
  );
}
