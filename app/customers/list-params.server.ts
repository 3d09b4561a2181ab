import { decodeCursor, type Cursor } from "./cursor.server";
import { isCustomerStatus, LIMITS, SORTS, type CustomerSort, type CustomerStatus } from "./constants";
import { toStorableText } from "~/utils/storable-text";

export const PAGE_SIZE = 25;

export interface ListView {
  status?: CustomerStatus;
  q?: string;
  sort: CustomerSort;
  cursor: Cursor | null;
}

/**
 * The list page's state, read leniently from its URL: anything invalid falls
 * back to its default, so a shared or hand-edited link never fails.
 */
export function readListView(searchParams: URLSearchParams): ListView {
  const status = searchParams.get("status");
  const sortParam = searchParams.get("sort");
  const sort: CustomerSort = (SORTS as readonly string[]).includes(sortParam ?? "")
    ? (sortParam as CustomerSort)
    : "updated_at";
  // A search box is lenient: characters the database cannot compare are dropped.
  const q = toStorableText(searchParams.get("q") ?? "").trim().slice(0, LIMITS.search);
  const cursorParam = searchParams.get("cursor");
  return {
    status: isCustomerStatus(status) ? status : undefined,
    q: q || undefined,
    sort,
    cursor: cursorParam ? decodeCursor(cursorParam, sort) : null,
  };
}
