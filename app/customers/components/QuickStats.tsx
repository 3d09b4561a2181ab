import { Icon, type IconName } from "~/components/icons/Icon";
import type { ReactNode } from "react";
import { formatDateTime, formatMoney, formatRelativeTime, toIsoString } from "~/utils/format";

/** One figure; `note` says what it counts when the label alone could mislead. */
function StatTile({ icon, label, note, children }: { icon: IconName; label: string; note?: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="flex items-center gap-2 text-sm font-medium text-slate-600">
        <Icon name={icon} className="h-4 w-4 text-slate-500" />
        {label}
      </dt>
      <dd className="mt-1 truncate text-2xl font-semibold tabular-nums text-slate-900">{children}</dd>
      {note ? <dd className="mt-0.5 text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

export function QuickStats({
  stats,
  now,
  timeZone,
  currency,
}: {
  stats: { activeAgreements: number; outstandingBalance: string; credit?: string; activeProjects: number; lastInteractionAt: string | null };
  now: Date;
  /** The account's time zone (IANA). */
  timeZone: string;
  /** The account's currency (ISO 4217). */
  currency: string;
}) {
  return (
    <dl className="grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 lg:grid-cols-4">
      <StatTile icon="file-text" label="Active agreements" note="Running now, expiring soon included">
        {stats.activeAgreements}
      </StatTile>
      <StatTile
        icon="wallet"
        label="Outstanding balance"
        // "0.00" is how SQL writes no credit (a decimal string, never a float).
        note={stats.credit && stats.credit !== "0.00" ? `Credit ${formatMoney(stats.credit, currency)}` : undefined}
      >
        {formatMoney(stats.outstandingBalance, currency)}
      </StatTile>
      <StatTile icon="folder-kanban" label="Active projects">
        {stats.activeProjects}
      </StatTile>
      <StatTile icon="calendar-clock" label="Last interaction">
        {stats.lastInteractionAt ? (
          <time dateTime={toIsoString(stats.lastInteractionAt)} title={formatDateTime(stats.lastInteractionAt, timeZone)}>
            {formatRelativeTime(stats.lastInteractionAt, now, timeZone)}
          </time>
        ) : (
          formatRelativeTime(null, now, timeZone)
        )}
      </StatTile>
    </dl>
  );
}
