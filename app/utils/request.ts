/** A request to the JSON API (`/api` and below), which answers in JSON whatever happens. */
export function isApiRequest(request: Pick<Request, "url">): boolean {
  const { pathname } = new URL(request.url);
  return pathname === "/api" || pathname.startsWith("/api/");
}
