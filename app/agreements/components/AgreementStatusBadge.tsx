import { Icon, type IconName } from "~/components/icons/Icon";
import { AGREEMENT_STATUS_LABELS, type AgreementStatus } from "../constants";

/**
 * The computed status as a pill: a hue, an icon and the words, so colour is
 * never the only signal. Every pair is a -100 background with -800 text
 * (WCAG AA for small text), as the customer status badge.
 */
const STYLES: Record<AgreementStatus, { className: string; icon: IconName }> = {
  upcoming: { className: "bg-sky-100 text-sky-800 ring-sky-700/20", icon: "calendar-clock" },
  active: { className: "bg-emerald-100 text-emerald-800 ring-emerald-700/20", icon: "check-circle-2" },
  expiring_soon: { className: "bg-amber-100 text-amber-800 ring-amber-700/20", icon: "clock" },
  expired: { className: "bg-slate-100 text-slate-800 ring-slate-600/20", icon: "history" },
  suspended: { className: "bg-violet-100 text-violet-800 ring-violet-700/20", icon: "pause-circle" },
  terminated: { className: "bg-rose-100 text-rose-800 ring-rose-700/20", icon: "ban" },
};

/** "Ends today", "1 day left", "12 days left" (the server counts the days, in the account's time zone). */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 0) return "Ends today";
  return daysLeft === 1 ? "1 day left" : `${daysLeft} days left`;
}

export function AgreementStatusBadge({ status, daysLeft }: { status: AgreementStatus; daysLeft: number | null }) {
  const { className, icon } = STYLES[status];
  return (
    <span className={`pill gap-1 ${className}`}>
      <Icon name={icon} className="h-3.5 w-3.5" />
      {AGREEMENT_STATUS_LABELS[status]}
      {status === "expiring_soon" && daysLeft !== null ? <span>· {daysLeftText(daysLeft)}</span> : null}
    </span>
  );
}
