/**
 * Agreements' fixed vocabulary: types, billing periods and computed statuses,
 * with their labels. Zod-free and browser-safe. The status rule itself is SQL
 * (agreement_status(), see agreements.server.ts).
 */

export const AGREEMENT_TYPES = ["retainer", "fixed_fee", "hourly", "other"] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const AGREEMENT_TYPE_LABELS: Record<AgreementType, string> = {
  retainer: "Retainer",
  fixed_fee: "Fixed fee",
  hourly: "Hourly",
  other: "Other",
};

export const BILLING_PERIODS = ["month", "quarter", "year"] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const AGREEMENT_STATUSES = ["upcoming", "active", "expiring_soon", "expired", "suspended", "terminated"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  upcoming: "Upcoming",
  active: "Active",
  expiring_soon: "Expiring soon",
  expired: "Expired",
  suspended: "Suspended",
  terminated: "Terminated",
};

/** The order of the cross-customer list (/agreements) and its filter bar: what needs attention first. */
export const STATUS_ORDER: readonly AgreementStatus[] = ["expiring_soon", "active", "upcoming", "suspended", "expired", "terminated"];

export function isAgreementStatus(value: unknown): value is AgreementStatus {
  return typeof value === "string" && (AGREEMENT_STATUSES as readonly string[]).includes(value);
}

export const AGREEMENT_LIMITS = {
  scope: 500,
  noticeDays: 365,
  reason: 1000,
  note: 1000,
  hours: 100_000,
} as const;

/** The statuses that count as running for the overview's "Active agreements". */
export const RUNNING_STATUSES: readonly AgreementStatus[] = ["active", "expiring_soon"];
