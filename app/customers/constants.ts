/**
 * The customers feature's fixed vocabulary: statuses, sorts, event types and
 * limits. No Zod here, so pages that only show data do not ship a validator.
 */

import { FIELD_LIMITS } from "~/utils/limits";

export const CUSTOMER_STATUSES = ["lead", "prospect", "negotiation", "live", "on_hold", "archive"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  lead: "Lead",
  prospect: "Prospect",
  negotiation: "Negotiation",
  live: "Live",
  on_hold: "On hold",
  archive: "Archive",
};

export function isCustomerStatus(value: unknown): value is CustomerStatus {
  return typeof value === "string" && (CUSTOMER_STATUSES as readonly string[]).includes(value);
}

export const SORTS = ["updated_at", "created_at", "name", "status"] as const;
export type CustomerSort = (typeof SORTS)[number];
export const SORT_LABELS: Record<CustomerSort, string> = {
  updated_at: "Recently updated",
  created_at: "Recently created",
  name: "Name (A–Z)",
  status: "Pipeline status",
};

export const EVENT_TYPES = ["meeting", "call", "email", "note", "update"] as const;
/**
 * The event types that count as talking to the customer ("Last interaction").
 * An update (the app's note of an agreement action, or one a user adds) and a
 * status change are on the timeline, but nobody talked to anyone.
 */
export const INTERACTION_EVENT_TYPES = ["meeting", "call", "email", "note"] as const;
export const EVENT_TYPE_LABELS: Record<string, string> = {
  meeting: "Meeting",
  call: "Call",
  email: "Email",
  note: "Note",
  update: "Update",
  status_change: "Status change",
};

export const LIMITS = {
  ...FIELD_LIMITS,
  name: 200,
  teamSize: 100,
  participants: 50,
  search: 100,
  /** Bytes of JSON one request may send as `info`. */
  infoBytes: 64 * 1024,
} as const;

/** How long an archived customer can be restored before it is purged for good. */
export const RESTORE_WINDOW_DAYS = 30;
