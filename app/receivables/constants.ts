/**
 * Receivables' fixed vocabulary (DOMAIN.md): row types, the statuses stored
 * per type, the display statuses of an invoice and the aging buckets, with
 * their labels. Zod-free and browser-safe. The rules themselves are SQL
 * (invoice_display_status() and aging_bucket(), see receivables.server.ts).
 */

export const RECEIVABLE_TYPES = ["invoice", "payment"] as const;
export type ReceivableType = (typeof RECEIVABLE_TYPES)[number];

/** What a row stores, per type (a CHECK in the database). */
export const INVOICE_STATUSES = ["draft", "sent", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const PAYMENT_STATUSES = ["received", "void"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const STORED_STATUSES = ["draft", "sent", "received", "void"] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** What an invoice shows, computed from its stored status, payments and due date. */
export const INVOICE_DISPLAY_STATUSES = ["draft", "open", "partial", "overdue", "paid", "void"] as const;
export type InvoiceDisplayStatus = (typeof INVOICE_DISPLAY_STATUSES)[number];

export const INVOICE_DISPLAY_STATUS_LABELS: Record<InvoiceDisplayStatus, string> = {
  draft: "Draft",
  open: "Open",
  partial: "Partly paid",
  overdue: "Overdue",
  paid: "Paid",
  void: "Void",
};

/**
 * What `?status=` filters a list by: an invoice's display status or a
 * payment's stored one (`void` matches both).
 */
export const RECEIVABLE_FILTER_STATUSES = [...INVOICE_DISPLAY_STATUSES, "received"] as const;
export type ReceivableFilterStatus = (typeof RECEIVABLE_FILTER_STATUSES)[number];

export function isReceivableFilterStatus(value: unknown): value is ReceivableFilterStatus {
  return typeof value === "string" && (RECEIVABLE_FILTER_STATUSES as readonly string[]).includes(value);
}

/** Open balances by days past their due date; they add up to the outstanding amount. */
export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_BUCKET_LABELS: Record<AgingBucket, string> = {
  current: "Not yet due",
  "1-30": "1–30 days",
  "31-60": "31–60 days",
  "61-90": "61–90 days",
  "90+": "Over 90 days",
};

export const RECEIVABLE_LIMITS = {
  reference: 100,
  description: 1000,
} as const;
