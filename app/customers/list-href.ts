// Shared by the list loader (pagination links) and the page (filter links).
/** The URL of a list view; defaults are left out so links stay short. */
export function listHref(view: { status?: string | null; q?: string | null; sort?: string | null; cursor?: string | null }): string {
  const params = new URLSearchParams();
  if (view.status) params.set("status", view.status);
  if (view.q) params.set("q", view.q);
  if (view.sort && view.sort !== "updated_at") params.set("sort", view.sort);
  if (view.cursor) params.set("cursor", view.cursor);
  const search = params.toString();
  return search ? `/customers?${search}` : "/customers";
}
