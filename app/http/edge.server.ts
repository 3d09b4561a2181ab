import type { ServerBuild } from "@remix-run/node";
import { readCappedBody } from "~/utils/capped-body.server";
import { isSameOriginRequest } from "~/utils/csrf.server";
import { MAX_FORM_BYTES } from "~/utils/form.server";
import { isApiRequest } from "~/utils/request";
import { withRequestScope } from "./request-scope.server";
import { isAllowed, methodRules } from "./methods.server";
import { crossSiteRefused, edgeRefusal, formTooLarge, methodRefused } from "./responses.server";

/**
 * The edge: what every request goes through between the HTTP server
 * (server/app.mjs) and Remix. It refuses, in the app's own format, what must
 * never reach a route — before Remix's own checks can turn it into a 500 —
 * builds the Fetch Request Remix sees, and runs Remix in the request's
 * database scope.
 */

/** A request as the HTTP server received it, before anything was decided about it. */
export interface IncomingRequest {
  method: string;
  /** "http" or "https" (behind a trusted proxy, what the proxy saw). */
  protocol: string;
  /** The Host header, if any. */
  host: string | undefined;
  /** The request target as sent: normally a path and query ("/customers?q=a"). */
  target: string;
  headers: Headers;
  /** The body as it arrives; null for GET and HEAD. */
  body: ReadableStream<Uint8Array> | null;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

const DEFAULT_HOST = "localhost";

/**
 * The request's URL: this server's origin (from the Host header) and the path
 * as sent. Built by concatenation, never by resolving the target against the
 * origin: a target such as `//evil.example/customers` is a path on this host,
 * not another host. A target in absolute form (`http://host/path`, which only
 * proxies are sent) contributes its path and query only. Null when no URL can
 * be made of it.
 */
export function requestUrl(protocol: string, host: string | undefined, target: string): URL | null {
  let path = target;
  if (!path.startsWith("/")) {
    try {
      const absolute = new URL(path);
      if (absolute.protocol !== "http:" && absolute.protocol !== "https:") return null;
      path = `${absolute.pathname}${absolute.search}`;
    } catch {
      return null;
    }
  }
  try {
    const url = new URL(`${protocol}://${host || DEFAULT_HOST}${path}`);
    const asSent = new URL(`http://x${path}`);
    // A Host header carrying a path, a query or credentials is not a host.
    const hostOnly = !url.username && !url.password && url.pathname === asSent.pathname && url.search === asSent.search;
    return hostOnly ? url : null;
  } catch {
    return null;
  }
}

/** What Remix is handed: the checked request, with a Host that agrees with its URL. */
function remixRequest(incoming: IncomingRequest, url: URL, body: BodyInit | null): Request {
  const headers = new Headers(incoming.headers);
  // Remix compares Origin with X-Forwarded-Host, else Host, and throws (a 500)
  // on a mismatch. The edge has already judged Origin against this URL's host,
  // so Remix must see the same host.
  headers.set("Host", url.host);
  headers.delete("X-Forwarded-Host");
  const init: RequestInit & { duplex?: "half" } = { method: incoming.method, headers, signal: incoming.signal };
  if (body !== null) {
    init.body = body;
    init.duplex = "half";
  }
  return new Request(url, init);
}

/** A path whose every segment percent-decodes (`/api/customers/%ZZ` does not). */
function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badRequest(head: Pick<Request, "method" | "url">, message: string): Response {
  return edgeRefusal(head, 400, "bad_request", { title: "Bad request", message });
}

/**
 * The edge for the app whose routes are `routes` (the server build's):
 * `handle(incoming, next)` refuses what must be refused, otherwise hands the
 * request to `next` (Remix) inside the request's database scope.
 */
export function createEdge(routes: ServerBuild["routes"]) {
  const allowedMethods = methodRules(routes);

  return async function handle(incoming: IncomingRequest, next: (request: Request) => Promise<Response>): Promise<Response> {
    const url = requestUrl(incoming.protocol, incoming.host, incoming.target);
    if (!url) {
      const path = incoming.target.startsWith("/") ? incoming.target : "/";
      return badRequest({ method: incoming.method, url: `http://${DEFAULT_HOST}${path}` }, "The address of this request could not be read.");
    }
    const head = { method: incoming.method, url: url.href, headers: incoming.headers };
    if (!isDecodablePath(url.pathname)) return badRequest(head, "The address of this request is not correctly encoded.");

    // Methods the route does not serve (TRACE, OPTIONS, a PUT to a page…):
    // 405 with Allow, before a loader or an action can run for them.
    const allowed = allowedMethods(url);
    if (allowed && !isAllowed(incoming.method, allowed)) return methodRefused(head, allowed);

    // Cross-site state-changing requests: the app's 403, before Remix's own
    // Origin check throws on them (docs/decisions/0004).
    if (!isSameOriginRequest(head)) return crossSiteRefused(head);

    // A page's body (a form) is read here, whole and at most MAX_FORM_BYTES of
    // it, before any route runs: no action, login and logout included, and
    // nothing Remix or a library parses by itself can be made to read more.
    // The JSON API reads its own bodies, with its own limit.
    let body: BodyInit | null = incoming.body;
    if (incoming.body && !isApiRequest(head)) {
      let bytes: Uint8Array<ArrayBuffer> | null;
      try {
        bytes = await readCappedBody(incoming.body, MAX_FORM_BYTES, incoming.headers.get("Content-Length"));
      } catch {
        // The client stopped sending half-way (it will not read this either).
        return badRequest(head, "The form arrived incomplete.");
      }
      if (bytes === null) return formTooLarge(head);
      body = bytes;
    }

    const request = remixRequest(incoming, url, body);
    return privateNoStore(await withRequestScope(request, () => next(request)));
  };
}

/**
 * Every answer of the app depends on the session — a page's document, its
 * loader data (`?_data=`), the API, even a redirect or the login page (signed
 * in, it redirects) — so none may be kept by a shared cache, nor by the
 * browser once the user has logged out (Back would show the list again).
 * An answer that sets its own Cache-Control keeps it (Remix's route manifest
 * is public and immutable). Static files never come here (server/app.mjs
 * serves them with their own caching).
 */
export const SESSION_CACHE_CONTROL = "private, no-store";

function privateNoStore(response: Response): Response {
  if (response.headers.has("Cache-Control")) return response;
  try {
    response.headers.set("Cache-Control", SESSION_CACHE_CONTROL);
    return response;
  } catch {
    // Immutable headers (a fetched response passed through): copy them.
    const copy = new Response(response.body, response);
    copy.headers.set("Cache-Control", SESSION_CACHE_CONTROL);
    return copy;
  }
}
