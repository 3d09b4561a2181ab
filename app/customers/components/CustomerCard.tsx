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

/** A list item cut down to what its card renders (the list's loader data carries nothing else). */
export function toCardData(item: Omit<CustomerCardData, "lastInteractionAt" | "updatedAt"> & { lastInteractionAt: Date | string | null; updatedAt: Date | string | null }): CustomerCardData {
  const { id, name, status, vertical, productName, teamSize, expiringSoon, outstanding, overdue } = item;
  const iso = (value: Date | string | null) => (value instanceof Date ? value.toISOString() : value);
  return { id, name, status, vertical, productName, teamSize, lastInteractionAt: iso(item.lastInteractionAt), expiringSoon, outstanding, overdue, updatedAt: iso(item.updatedAt) };
}

export function formatTeamSize(teamSize: number): string {
  if (teamSize <= 0) return "No team yet";
  return teamSize === 1 ? "1 person" : `${teamSize} people`;
}

/** One line per detail (styled by .card-details), cut short when it does not fit; `full` is then the whole text, on hover. */
function Detail({ label, full, children }: { label: string; full?: string | null; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd title={full ?? undefined}>{children}</dd>
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
    <article className="customer-card">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="min-w-0 text-base font-semibold text-slate-900">
            <Link
              to={`/customers/${customer.id}/overview`}
              prefetch="intent"
              className="customer-card-link"
            >
              {customer.name}
            </Link>
          </h2>
          <CustomerStatusBadge status={customer.status} />
          {customer.expiringSoon ? (
            <span className="pill gap-1 bg-amber-100 text-amber-800 ring-amber-700/20">
              <Icon name="clock" className="h-3.5 w-3.5" />
              Agreement expiring soon
            </span>
          ) : null}
          {customer.overdue ? (
            <span className="pill gap-1 bg-red-100 text-red-800 ring-red-700/20">
              <Icon name="alert-triangle" className="h-3.5 w-3.5" />
              Payment overdue
            </span>
          ) : null}
        </div>
        <dl className="card-details grid grid-cols-2 gap-x-6 gap-y-2 sm:flex sm:flex-wrap">
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
      <dl className="card-details grid shrink-0 grid-cols-2 gap-x-6 gap-y-2 border-t border-slate-100 pt-3 sm:flex sm:flex-col sm:border-t-0 sm:pt-0 sm:text-right">
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
