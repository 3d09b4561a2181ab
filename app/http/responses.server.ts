import { json } from "@remix-run/node";
import { MAX_FORM_BYTES } from "~/utils/form.server";
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

/** What the answers built here need to know of a request: its method and URL. */
type RequestHead = Pick<Request, "method" | "url">;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A page the server answers by itself, without React or the database (they
 * may be what failed, or the request never reached them): plain HTML, styled
 * inline, no script, nothing framed.
 */
function plainPage(request: RequestHead, status: number, page: { title: string; paragraphs: string[] }, init: HeadersInit = {}): Response {
  const headers = new Headers(init);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  headers.set("X-Content-Type-Options", "nosniff");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.5}h1{font-size:1.5rem}a{color:#4338ca}</style>
</head><body><main>
<h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}
</main></body></html>`;
  return new Response(request.method === "HEAD" ? null : html, { status, headers });
}

/**
 * A refusal answered at the edge, before Remix: `{ "error": code }` under
 * /api, a small page saying `message` otherwise. `message` is HTML.
 */
export function edgeRefusal(
  request: RequestHead,
  status: number,
  code: string,
  page: { title: string; message: string },
  init: HeadersInit = {},
): Response {
  if (isApiRequest(request)) {
    const headers = new Headers(init);
    headers.set("Content-Type", "application/json; charset=utf-8");
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
    return new Response(request.method === "HEAD" ? null : JSON.stringify({ error: code }), { status, headers });
  }
  return plainPage(request, status, { title: page.title, paragraphs: [page.message, '<a href="/">Back to Customers</a>'] }, init);
}

/** A state-changing request sent from another site's page (docs/decisions/0004). */
export function crossSiteRefused(request: RequestHead): Response {
  return edgeRefusal(request, 403, "cross_site_request", {
    title: "This form was sent from another site",
    message:
      "Customers only accepts changes sent from its own pages, so nothing was changed. If you meant to make this change, open Customers and do it from there.",
  });
}

/** A method the URL does not serve, answered at the edge: 405 with Allow (the API's shape under /api). */
export function methodRefused(request: RequestHead, allowed: readonly string[]): Response {
  return edgeRefusal(
    request,
    405,
    "method_not_allowed",
    { title: "This page cannot do that", message: `This address does not accept ${escapeHtml(request.method)} requests.` },
    { Allow: allowed.join(", ") },
  );
}

/** A page's form over the limit (MAX_FORM_BYTES), refused before it was read in full. */
export function formTooLarge(request: RequestHead): Response {
  return edgeRefusal(request, 413, "payload_too_large", {
    title: "This form is too large",
    message:
      `Customers accepts forms of up to ${MAX_FORM_BYTES / 1024 / 1024} MB, and this one is larger, so nothing was saved. Go back, shorten what you entered and send it again.`,
  });
}

/** The database cannot be reached: a plain page (it must render without it) or JSON. */
export function serviceUnavailable(request: Request): Response {
  const headers = { "Retry-After": "5", "Cache-Control": "no-store" };
  if (isApiRequest(request)) {
    return new Response(JSON.stringify({ error: "service_unavailable" }), {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    });
  }
  return plainPage(
    request,
    503,
    {
      title: "Customers is briefly unavailable",
      paragraphs: [
        "We can't reach the database right now. Nothing you saved before this has been lost.",
        'Please try again in a few seconds: <a href="">reload this page</a>.',
      ],
    },
    headers,
  );
}

/** A handler answered as if it succeeded, but its transaction had failed: say so. */
export function requestFailed(request: Request): Response {
  const api = isApiRequest(request);
  return new Response(api ? JSON.stringify({ error: "internal_error" }) : "Something went wrong; nothing was saved. Please try again.", {
    status: 500,
    headers: { "Content-Type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
