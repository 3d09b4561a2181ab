/** The id of the overview's timeline heading: page links land there, not at the top. */
export const TIMELINE_HEADING_ID = "timeline-heading";

/** The URL of a page of a customer's timeline: the newest events without a cursor. */
export function timelineHref(customerId: string, cursor: string | null): string {
  const search = cursor ? `?${new URLSearchParams({ cursor })}` : "";
  return `/customers/${customerId}/overview${search}#${TIMELINE_HEADING_ID}`;
}
