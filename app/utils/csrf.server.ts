import { json } from "@remix-run/node";
import { isApiRequest } from "./request";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(value: string | null): string | null | undefined {
  if (value === null) return undefined; // header absent
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null; // "null" (sandboxed or privacy-stripped origins) or garbage
  }
}

/**
 * True when a state-changing request comes from a page of this app. Browsers
 * send Origin with every POST (Referer is the fallback for old ones); a value
 * naming another site, or "null", is refused. A request carrying neither is
 * not from a browser form (which cannot omit both), so it cannot ride on a
 * victim's cookies and is let through for scripts and API clients.
 * Compared by host: behind a TLS-terminating proxy the scheme may differ.
 */
export function isSameOriginRequest(request: Pick<Request, "method" | "url" | "headers">): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const ownHost = new URL(request.url).host;
  const origin = hostOf(request.headers.get("Origin"));
  if (origin !== undefined) return origin === ownHost;
  const referer = hostOf(request.headers.get("Referer"));
  if (referer !== undefined) return referer === ownHost;
  return true;
}

/** Throws a 403 for a cross-site state-changing request: JSON under /api, a page otherwise. */
export function assertSameOrigin(request: Request): void {
  if (isSameOriginRequest(request)) return;
  if (isApiRequest(request)) {
    throw json({ error: "cross_site_request" }, { status: 403 });
  }
  throw json({ error: "cross_site_request" }, { status: 403, statusText: "Forbidden" });
}
