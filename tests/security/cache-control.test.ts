import { type AppServer, serverWithCustomer } from "../support/app-server";

// Whatever depends on the session must not outlive it in a browser's or a
// proxy's cache: after logout, Back must not show the customer list. Every
// answer of the app says `Cache-Control: private, no-store`; public static
// files keep their caching.

let server: AppServer;
let cookie: string;
let customerId: string;

beforeAll(async () => {
  ({ server, cookie, customerId } = await serverWithCustomer("Cached Co"));
});
afterAll(() => server.close());

function fetchApp(path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers: { Cookie: cookie, Origin: server.url, ...init.headers } });
}

const NO_STORE = "private, no-store";

describe("signed in", () => {
  it.each([
    "/customers",
    "/customers?status=lead",
    "/customers/archived",
    "/account",
    "/customers/{id}/overview",
    "/customers/{id}/agreements",
    "/no-such-page",
  ])("the page %s", async (template) => {
    const response = await fetchApp(template.replace("{id}", customerId));
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(response.headers.get("Cache-Control")).toBe(NO_STORE);
  });

  it.each([
    "/customers?_data=routes%2Fcustomers._index",
    "/customers?_data=root",
    "/customers/{id}/overview?_data=routes%2Fcustomers.%24id.overview",
  ])("the loader data %s", async (template) => {
    const response = await fetchApp(template.replace("{id}", customerId));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Cache-Control")).toBe(NO_STORE);
  });

  it.each(["/api/customers", "/api/customers/{id}", "/api/customers/00000000-0000-4000-8000-000000000000"])("the API's %s", async (template) => {
    const response = await fetchApp(template.replace("{id}", customerId));
    expect(response.headers.get("Cache-Control")).toBe(NO_STORE);
  });

  it("an action's redirect, and the redirect away from /login", async () => {
    const created = await fetchApp("/customers", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=create&name=Posted",
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("Cache-Control")).toBe(NO_STORE);
    const login = await fetchApp("/login");
    expect(login.status).toBe(302);
    expect(login.headers.get("Cache-Control")).toBe(NO_STORE);
  });
});

describe("signed out", () => {
  it("the redirect to /login and the login page", async () => {
    const redirect = await fetch(`${server.url}/customers`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Cache-Control")).toBe(NO_STORE);
    const login = await fetch(`${server.url}/login`);
    expect(login.headers.get("Cache-Control")).toBe(NO_STORE);
    const api = await fetch(`${server.url}/api/customers`);
    expect(api.status).toBe(401);
    expect(api.headers.get("Cache-Control")).toBe(NO_STORE);
  });
});

it("public static files keep their caching", async () => {
  const icon = await fetch(`${server.url}/favicon.svg`);
  expect(icon.status).toBe(200);
  expect(icon.headers.get("Cache-Control")).toBe("public, max-age=3600");
});
