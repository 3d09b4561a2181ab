import { requestUrl } from "~/http/edge.server";
import { signedUpUser } from "../auth-helpers";
import { startAppServer, sendRaw, type AppServer } from "../support/app-server";
import { captureServerLogs, STACK_TRACE } from "../support/server-logs";
import { ownerPrisma as prisma } from "../setup/owner";

// Through the real server: a cross-site form post gets the app's 403 — an
// HTML page for pages, JSON under /api — before Remix sees it (Remix's own
// Origin check would throw and answer a bare 500), and nothing is logged.
// tests/security/csrf.test.ts covers the rule itself on the route actions.

let server: AppServer;
let cookie: string;
let userId: string;
const logs = captureServerLogs();

beforeAll(async () => {
  server = await startAppServer();
  ({ cookie, id: userId } = await signedUpUser());
});
afterAll(async () => {
  await server.close();
  logs.restore();
});
beforeEach(() => logs.clear());
afterEach(() => {
  expect(logs.text()).not.toMatch(STACK_TRACE);
  expect(logs.text()).toBe("");
});

const customers = () => prisma().customer.count({ where: { userId } });

const CROSS_SITE: Array<[string, Record<string, string>]> = [
  ["another site's Origin", { Origin: "https://evil.example" }],
  ['Origin "null"', { Origin: "null" }],
  ["a text/plain form from another site", { Origin: "https://evil.example", "Content-Type": "text/plain" }],
  ["a text/plain form with Origin null", { Origin: "null", "Content-Type": "text/plain" }],
  ["a look-alike host", { Origin: "http://127.0.0.1.evil.example" }],
  ["an Origin that is not a URL", { Origin: "https://[" }],
  ["no Origin but another site's Referer", { Referer: "https://evil.example/page" }],
];

describe.each(CROSS_SITE)("POST with %s", (_name, headers) => {
  it("to /customers is refused with the app's 403 page and creates nothing", async () => {
    const before = await customers();
    const response = await fetch(`${server.url}/customers`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers },
      body: "intent=create&name=Forged",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/another site/i);
    expect(await customers()).toBe(before);
  });

  it("to /login, /signup and /logout is refused with 403", async () => {
    for (const path of ["/login", "/signup", "/logout"]) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers },
        body: "email=a%40example.com&password=whatever-password&name=A",
      });
      expect(response.status, path).toBe(403);
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
    // The session survived the forged logout.
    const list = await fetch(`${server.url}/customers`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(list.status).toBe(200);
  });

  it("to the API is refused with a JSON 403", async () => {
    const response = await fetch(`${server.url}/api/customers`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie, ...headers },
      body: JSON.stringify({ name: "Forged" }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "cross_site_request" });
  });
});

describe("the host a request is judged against", () => {
  it("is the Host header, not a request target spelled //evil.example/…", async () => {
    const before = await customers();
    const response = await sendRaw(server, {
      method: "POST",
      path: "//evil.example/customers",
      headers: { Origin: "http://evil.example", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=create&name=Forged",
    });
    // Refused: as a cross-site post, or (the path matching no form) as a method the page does not serve.
    expect([403, 405]).toContain(response.status);
    expect(await customers()).toBe(before);
    const url = requestUrl("http", `127.0.0.1:${server.port}`, "//evil.example/customers");
    expect(url?.host).toBe(`127.0.0.1:${server.port}`);
    expect(url?.pathname).toBe("//evil.example/customers");
  });

  it("lets a same-origin post through even with a stray X-Forwarded-Host (no 500 from Remix's own check)", async () => {
    const response = await fetch(`${server.url}/customers`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: server.url,
        "X-Forwarded-Host": "elsewhere.example",
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "intent=create&name=Same%20Origin",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/customers\/[0-9a-f-]{36}\/overview$/);
  });

  it("accepts the app's own Origin however the Host header is cased", async () => {
    const response = await sendRaw(server, {
      method: "POST",
      path: "/customers",
      headers: {
        Host: `LOCALHOST:${server.port}`,
        Origin: `http://localhost:${server.port}`,
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "intent=create&name=Cased%20Host",
    });
    expect(response.status).toBe(302);
  });
});
