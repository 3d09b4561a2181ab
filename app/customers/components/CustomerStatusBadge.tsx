import { isCustomerStatus, STATUS_LABELS, type CustomerStatus } from "~/customers/constants";

// The pill's shape (app/tailwind.css); the hue comes from the status.
const BASE_CLASS = "pill";

/**
 * One hue per pipeline stage. Every pair is a -100 background with -800 text,
 * which clears WCAG AA (4.5:1) for small text; the label is always shown, so
 * colour is never the only signal.
 */
export const STATUS_BADGE_STYLES: Record<CustomerStatus, string> = {
  lead: "bg-sky-100 text-sky-800 ring-sky-700/20",
  prospect: "bg-violet-100 text-violet-800 ring-violet-700/20",
  negotiation: "bg-amber-100 text-amber-800 ring-amber-700/20",
  live: "bg-emerald-100 text-emerald-800 ring-emerald-700/20",
  on_hold: "bg-rose-100 text-rose-800 ring-rose-700/20",
  archive: "bg-stone-200 text-stone-800 ring-stone-700/20",
};

// Rows written before a status was renamed, or by a newer API version, still
// render: the raw value in a neutral pill instead of a crash or a blank.
export const UNKNOWN_STATUS_BADGE_STYLE = "bg-gray-100 text-gray-800 ring-gray-600/20";

export function CustomerStatusBadge({ status }: { status: string }) {
  const known = isCustomerStatus(status);
  return (
    <span className={`${BASE_CLASS} ${known ? STATUS_BADGE_STYLES[status] : UNKNOWN_STATUS_BADGE_STYLE}`}>
      {known ? STATUS_LABELS[status] : status}
    </span>
  );
}
