import { json } from "@remix-run/node";
import { isApiRequest } from "~/utils/request";

/**
 * The answers the HTTP contract spells the same way everywhere (CONTRACT.md):
 * error bodies for pages' actions and the JSON API alike, and the 503/500 the
 * request scope gives when the database fails under a request.
 */

export type Issues = Record<string, string[]>;

/**
 * 404 for anything the user may not see: missing, another user's, archived.
 * Pages throw it and their ErrorBoundary renders "… not found"; the API sends it.
 */
export function notFound() {
  return json({ error: "not_found" }, { status: 404 });
}

/** A page's action got an `intent` it does not know. */
export function unknownIntent() {
  return json({ error: "unknown_intent" }, { status: 400 });
}

export function validationError(issues: Issues) {
  return json({ error: "validation", issues }, { status: 400 });
}

/** The request is understood but not allowed from the current state (e.g. renewing a terminated agreement). */
export function conflict(message: string) {
  return json({ error: "conflict", message }, { status: 409 });
}

/** Why a domain function declined, as a feature's Outcome reports it. */
export type Refusal =
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; message: string }
  | { ok: false; reason: "invalid"; issues: Issues };

/** The contract's answer to a refusal: 404, 409 or 400. */
export function refused(refusal: Refusal): Response {
  switch (refusal.reason) {
    case "not_found":
      return notFound();
    case "conflict":
      return conflict(refusal.message);
    case "invalid":
      return validationError(refusal.issues);
  }
}

export function methodNotAllowed(allowed: readonly string[]) {
  return json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: allowed.join(", ") } });
}

const UNAVAILABLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Customers is briefly unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.5}h1{font-size:1.5rem}a{color:#4338ca}</style>
</head><body><main>
<h1>Customers is briefly unavailable</h1>
<p>We can't reach the database right now. Nothing you saved before this has been lost.</p>
<p>Please try again in a few seconds: <a href="">reload this page</a>.</p>
</main></body></html>`;

/** The database cannot be reached: a plain page (it must render without it) or JSON. */
export function serviceUnavailable(request: Request): Response {
  const headers = new Headers({ "Retry-After": "5", "Cache-Control": "no-store" });
  if (isApiRequest(request)) {
    headers.set("Content-Type", "application/json; charset=utf-8");
    return new Response(JSON.stringify({ error: "service_unavailable" }), { status: 503, headers });
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  headers.set("X-Content-Type-Options", "nosniff");
  return new Response(request.method === "HEAD" ? null : UNAVAILABLE_HTML, { status: 503, headers });
}

/** A handler answered as if it succeeded, but its transaction had failed: say so. */
export function requestFailed(request: Request): Response {
  const api = isApiRequest(request);
  return new Response(api ? JSON.stringify({ error: "internal_error" }) : "Something went wrong; nothing was saved. Please try again.", {
    status: 500,
    headers: { "Content-Type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
