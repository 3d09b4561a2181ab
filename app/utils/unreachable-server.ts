/**
 * With JavaScript, Remix fetches a page's data (`?_data=`, for links and form
 * posts alike) and the routes a link leads to (`/__manifest`) itself. When
 * such a request cannot reach the server (offline, server down: `fetch`
 * rejects with a TypeError), Remix throws, and the error boundary replaces
 * the page, and what was typed in it, with "Something went wrong".
 *
 * `holdWhenUnreachable` wraps `fetch` so that such a request is held instead:
 * its navigation or submission stays pending (the page as it was, its submit
 * button busy), the toast region says the server could not be reached, and
 * Retry sends the same requests again, so the submission or navigation goes
 * on from where it stopped. A held request the router gives up on (the user
 * followed another link, which aborts it) is dropped. See
 * docs/decisions/0013-unreachable-server-keeps-the-page.md.
 */

/** What the toast region shows: nothing, the failure, or a retry under way. */
export type ServerReach = "reachable" | "unreachable" | "retrying";

interface HeldRequest {
  retry(): void;
}

const held = new Set<HeldRequest>();
const listeners = new Set<() => void>();
let retriesInFlight = 0;
let reach: ServerReach = "reachable";

function update() {
  const next: ServerReach = retriesInFlight > 0 ? "retrying" : held.size > 0 ? "unreachable" : "reachable";
  if (next === reach) return;
  reach = next;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore. */
export function subscribeToServerReach(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function serverReach(): ServerReach {
  return reach;
}

/** Sends every held request again; one that fails again is held again. */
export function retryHeldRequests(): void {
  const toRetry = [...held];
  held.clear();
  for (const request of toRetry) request.retry();
  update();
}

export interface HoldOptions {
  /** The app's origin: only its own requests are held. */
  origin: string;
  /**
   * Loads a route module ahead. A link to a page whose module was never
   * loaded would fail on the module, not on its data, and Remix answers that
   * by reloading the page, which offline shows the browser's error page. So
   * the modules of the routes a page links to (which Remix discovers through
   * `/__manifest` as the links appear) are loaded while the server answers.
   */
  loadModule: (url: string) => Promise<unknown>;
}

function requestUrl(input: RequestInfo | URL, origin: string): URL | null {
  try {
    return new URL(input instanceof Request ? input.url : String(input), origin);
  } catch {
    return null;
  }
}

/**
 * Only Remix's own requests, which it makes with a URL and a body it built
 * (form data, URL-encoded text or JSON: all can be sent twice). The manifest
 * is held only when a navigation waits on it (it has the navigation's
 * signal); the page's eager discovery fails quietly on its own.
 */
function isHeld(url: URL, input: RequestInfo | URL, init: RequestInit | undefined, origin: string): boolean {
  if (url.origin !== origin || input instanceof Request || init?.body instanceof ReadableStream) return false;
  if (url.searchParams.has("_data")) return true;
  return url.pathname === "/__manifest" && Boolean(init?.signal);
}

function loadRouteModules(response: Response, loadModule: HoldOptions["loadModule"]): void {
  if (!response.ok) return;
  response
    .clone()
    .json()
    .then((routes: unknown) => {
      if (!routes || typeof routes !== "object") return;
      for (const route of Object.values(routes)) {
        const module: unknown = route && typeof route === "object" && "module" in route ? route.module : null;
        // A module that fails to load here is loaded again by Remix when needed.
        if (typeof module === "string") loadModule(module).catch(() => undefined);
      }
    })
    .catch(() => undefined);
}

export function holdWhenUnreachable(fetchImpl: typeof fetch, { origin, loadModule }: HoldOptions): typeof fetch {
  const send = (input: RequestInfo | URL, init: RequestInit | undefined, url: URL | null) =>
    fetchImpl(input, init).then((response) => {
      if (url?.origin === origin && url.pathname === "/__manifest") loadRouteModules(response, loadModule);
      return response;
    });

  return (input, init) => {
    const url = requestUrl(input, origin);
    if (!url || !isHeld(url, input, init, origin)) return send(input, init, url);
    const signal = init?.signal ?? null;
    return new Promise<Response>((resolve, reject) => {
      let entry: HeldRequest | null = null;
      signal?.addEventListener(
        "abort",
        () => {
          if (entry) held.delete(entry);
          entry = null;
          update();
          reject(signal.reason);
        },
        { once: true },
      );
      const attempt = () =>
        send(input, init, url).then(resolve, (error: unknown) => {
          // Only a request that never got an answer: an abort, or anything
          // the server said, goes to Remix as before.
          if (signal?.aborted || !(error instanceof TypeError)) return reject(error);
          entry = {
            retry() {
              retriesInFlight += 1;
              attempt().finally(() => {
                retriesInFlight -= 1;
                update();
              });
            },
          };
          held.add(entry);
          update();
        });
      void attempt();
    });
  };
}
