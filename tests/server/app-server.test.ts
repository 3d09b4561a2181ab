import { startAppServer, type AppServer } from "../support/app-server";

// The HTTP server the tests start (tests/support/app-server.ts) is the real
// one: pages render, forms post, sessions work, static files are served.

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server.close());

it("renders a page, signs up through a form post and shows the signed-in list", async () => {
  const login = await fetch(`${server.url}/login`);
  expect(login.status).toBe(200);
  expect(login.headers.get("Content-Type")).toMatch(/^text\/html/);
  expect(await login.text()).toContain("Log in to your account");

  const signup = await fetch(`${server.url}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ name: "Server Test", email: `server-${Date.now()}@example.com`, password: "server-password" }),
  });
  expect(signup.status).toBe(302);
  expect(signup.headers.get("Location")).toBe("/customers");
  const cookie = signup.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");

  const list = await fetch(`${server.url}/customers`, { headers: { Cookie: cookie } });
  expect(list.status).toBe(200);
  expect(await list.text()).toContain("Server Test");

  const api = await fetch(`${server.url}/api/customers`, { headers: { Cookie: cookie } });
  expect(await api.json()).toEqual({ customers: [], next_cursor: null });
});

it("serves the public files", async () => {
  const icon = await fetch(`${server.url}/favicon.svg`);
  expect(icon.status).toBe(200);
  expect(icon.headers.get("Cache-Control")).toBe("public, max-age=3600");
});
