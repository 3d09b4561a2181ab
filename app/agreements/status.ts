/**
 * An agreement's status is computed, never stored: from its dates against
 * today, unless the user has overridden it (terminated or suspended). The rule
 * itself is one SQL expression (agreementStatusSql in agreements.server.ts);
 * this file names its values for the pages. Browser-safe.
 */

export const AGREEMENT_STATUSES = ["upcoming", "active", "ended", "suspended", "terminated"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  upcoming: "Upcoming",
  active: "Active",
  ended: "Ended",
  suspended: "Suspended",
  terminated: "Terminated",
};
