import { afterEach, describe, expect, it, vi } from "vitest";
import { holdWhenUnreachable, retryHeldRequests, serverReach, subscribeToServerReach } from "./unreachable-server";

const ORIGIN = "https://app.example";
const offline = () => Promise.reject(new TypeError("Failed to fetch"));

/** A fetch that answers each call with the next of `answers`, recording what it was asked. */
function fakeFetch(...answers: Array<() => Promise<Response>>) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchImpl = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    return answer();
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

function wrap(fetchImpl: typeof fetch, loadModule = vi.fn(() => Promise.resolve())) {
  return holdWhenUnreachable(fetchImpl, { origin: ORIGIN, loadModule });
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  // Nothing stays held from one test to the next.
  expect(serverReach()).toBe("reachable");
});

describe("holdWhenUnreachable", () => {
  it("holds a data request that cannot reach the server, and Retry sends the same request again", async () => {
    const ok = new Response("{}");
    const { fetchImpl, calls } = fakeFetch(offline, offline, () => Promise.resolve(ok));
    const heard: string[] = [];
    const unsubscribe = subscribeToServerReach(() => heard.push(serverReach()));
    const body = new URLSearchParams({ intent: "add-event", title: "Call" });
    let answer: Response | null = null;
    void wrap(fetchImpl)(`${ORIGIN}/customers/c1/overview?_data=routes%2Fcustomers.%24id.overview`, { method: "POST", body }).then(
      (response) => (answer = response),
    );

    await settle();
    expect(serverReach()).toBe("unreachable");
    expect(answer).toBeNull();

    retryHeldRequests();
    expect(serverReach()).toBe("retrying");
    await settle();
    expect(serverReach()).toBe("unreachable");

    retryHeldRequests();
    await settle();
    expect(answer).toBe(ok);
    expect(serverReach()).toBe("reachable");
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.init?.body === body && call.init.method === "POST")).toBe(true);
    expect(heard).toEqual(["unreachable", "retrying", "unreachable", "retrying", "reachable"]);
    unsubscribe();
  });

  it("drops a held request the router aborts, rejecting it with the abort's reason", async () => {
    const { fetchImpl } = fakeFetch(offline);
    const controller = new AbortController();
    const request = wrap(fetchImpl)(`${ORIGIN}/customers?_data=routes%2Fcustomers._index`, { signal: controller.signal });
    await settle();
    expect(serverReach()).toBe("unreachable");

    controller.abort(new DOMException("navigated away", "AbortError"));
    await expect(request).rejects.toThrow("navigated away");
    expect(serverReach()).toBe("reachable");
  });

  it("passes on whatever the server answered, and errors that are not about reaching it", async () => {
    const refused = new Response("nope", { status: 500 });
    const { fetchImpl } = fakeFetch(
      () => Promise.resolve(refused),
      () => Promise.reject(new Error("broken")),
    );
    const fetchHeld = wrap(fetchImpl);
    await expect(fetchHeld(`${ORIGIN}/customers?_data=root`)).resolves.toBe(refused);
    await expect(fetchHeld(`${ORIGIN}/customers?_data=root`)).rejects.toThrow("broken");
  });

  it("holds only the app's own Remix requests", async () => {
    const fetchHeld = wrap(fakeFetch(offline, offline, offline, offline, offline).fetchImpl);
    const notHeld = [
      fetchHeld("https://elsewhere.example/thing?_data=root"),
      fetchHeld(`${ORIGIN}/api/customers`),
      fetchHeld(new Request(`${ORIGIN}/customers?_data=root`)),
      // The page's eager route discovery has no navigation waiting on it.
      fetchHeld(`${ORIGIN}/__manifest?p=%2Fagreements&version=1`),
      fetchHeld(`${ORIGIN}/customers?_data=root`, { method: "POST", body: new ReadableStream() }),
    ];
    for (const request of notHeld) await expect(request).rejects.toThrow("Failed to fetch");
    expect(serverReach()).toBe("reachable");
  });

  it("holds the route discovery a navigation waits on", async () => {
    const manifest = new Response("{}");
    const fetchHeld = wrap(fakeFetch(offline, () => Promise.resolve(manifest)).fetchImpl);
    const request = fetchHeld(`${ORIGIN}/__manifest?p=%2Fagreements&version=1`, { signal: new AbortController().signal });
    await settle();
    expect(serverReach()).toBe("unreachable");
    retryHeldRequests();
    await expect(request).resolves.toBe(manifest);
  });

  it("loads the modules of the routes the server says a page links to", async () => {
    const routes = {
      "routes/agreements": { id: "routes/agreements", module: "/build/routes/agreements-A1.js", imports: ["/build/_shared/x.js"] },
      "routes/account": { id: "routes/account", module: "/build/routes/account-B2.js" },
    };
    const loadModule = vi.fn(() => Promise.resolve());
    const response = await wrap(fakeFetch(() => Promise.resolve(Response.json(routes))).fetchImpl, loadModule)(
      `${ORIGIN}/__manifest?p=%2Fagreements&p=%2Faccount&version=1`,
    );
    expect(await response.json()).toEqual(routes);
    await settle();
    expect(loadModule.mock.calls).toEqual([["/build/routes/agreements-A1.js"], ["/build/routes/account-B2.js"]]);
  });
});
