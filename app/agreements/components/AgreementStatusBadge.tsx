import { StatusPill, type PillStyle } from "~/components/StatusPill";
import { AGREEMENT_STATUS_LABELS, type AgreementStatus } from "../constants";

/** The computed status as a pill (StatusPill). */
const STYLES: Record<AgreementStatus, PillStyle> = {
  upcoming: { hue: "sky", icon: "calendar-clock" },
  active: { hue: "emerald", icon: "check-circle-2" },
  expiring_soon: { hue: "amber", icon: "clock" },
  expired: { hue: "slate", icon: "history" },
  suspended: { hue: "violet", icon: "pause-circle" },
  terminated: { hue: "rose", icon: "ban" },
};

/** "Ends today", "1 day left", "12 days left" (the server counts the days, in the account's time zone). */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 0) return "Ends today";
  return daysLeft === 1 ? "1 day left" : `${daysLeft} days left`;
}

export function AgreementStatusBadge({ status, daysLeft }: { status: AgreementStatus; daysLeft: number | null }) {
  return (
    <StatusPill style={STYLES[status]} label={AGREEMENT_STATUS_LABELS[status]}>
      {status === "expiring_soon" && daysLeft !== null ? <span>· {daysLeftText(daysLeft)}</span> : null}
    </StatusPill>
  );
}
