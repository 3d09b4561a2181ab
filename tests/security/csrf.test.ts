import { ownerPrisma as prisma } from "../setup/owner";
import * as apiCustomer from "~/routes/api.customers.$id";
import * as detailRoute from "~/routes/customers.$id";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as signupRoute from "~/routes/signup";
import { isSameOriginRequest } from "~/utils/csrf.server";
import { insertCustomer } from "../../prisma/factories";
import { signUp } from "../auth-helpers";
import { BASE_URL, call, get, postForm, sendJson, sessionCookieFrom } from "../http";

// A page on another site cannot make the signed-in user's browser change data.

let cookie: string;
let email: string;
let password: string;
let customerId: string;

beforeAll(async () => {
  ({ cookie, email, password } = await signUp());
  const user = await prisma().user.findUniqueOrThrow({ where: { email } });
  customerId = (await insertCustomer(prisma(), user.id, { name: "Target Co", status: "lead" })).id;
});

const hostile = [
  ["another site's Origin", { Origin: "https://evil.example" }],
  ["a look-alike host", { Origin: "http://localhost:3000.evil.example" }],
  ["another port", { Origin: "http://localhost:4000" }],
  ['Origin "null"', { Origin: "null" }],
  ["no Origin but another site's Referer", { Referer: "https://evil.example/page" }],
] as const;

function withoutOrigin(request: Request, headers: Record<string, string>): Request {
  const next = new Headers(request.headers);
  next.delete("Origin");
  for (const [name, value] of Object.entries(headers)) next.set(name, value);
  return new Request(request, { headers: next });
}

describe.each(hostile)("a state-changing request with %s", (_name, headers) => {
  it("cannot archive a customer through the page action (403, nothing changes)", async () => {
    const request = withoutOrigin(postForm(`/customers/${customerId}`, { intent: "delete" }, { cookie }), headers);
    const response = await call(detailRoute.action, request, { id: customerId });
    expect(response.status).toBe(403);
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: customerId } })).deletedAt).toBeNull();
  });

  it("cannot change a customer through the API (403 JSON)", async () => {
    const request = withoutOrigin(sendJson("PUT", `/api/customers/${customerId}`, { name: "Hacked" }, { cookie }), headers);
    const response = await call(apiCustomer.action, request, { id: customerId });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "cross_site_request" });
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: customerId } })).name).toBe("Target Co");
  });

  it("cannot log someone in, sign someone up or log them out", async () => {
    const login = await call(loginRoute.action, withoutOrigin(postForm("/login", { email, password }), headers));
    expect(login.status).toBe(403);
    expect(sessionCookieFrom(login)).toBeNull();
    const signup = await call(
      signupRoute.action,
      withoutOrigin(postForm("/signup", { name: "X", email: `csrf-${Date.now()}@example.com`, password: "long enough pw" }), headers),
    );
    expect(signup.status).toBe(403);
    const sessions = await prisma().session.count();
    const logout = await call(logoutRoute.action, withoutOrigin(postForm("/logout", {}, { cookie }), headers));
    expect(logout.status).toBe(403);
    expect(await prisma().session.count()).toBe(sessions);
  });
});

describe("requests that are allowed", () => {
  it("accepts the app's own Origin", async () => {
    const response = await call(detailRoute.action, postForm(`/customers/${customerId}`, { intent: "status", status: "live" }, { cookie }), { id: customerId });
    expect(response.status).toBe(302);
  });

  it("accepts the app's own Referer when Origin is absent", () => {
    const request = withoutOrigin(postForm("/customers", { intent: "create" }), { Referer: `${BASE_URL}/customers` });
    expect(isSameOriginRequest(request)).toBe(true);
  });

  it("lets reads through whatever their Origin", async () => {
    expect(isSameOriginRequest(withoutOrigin(get("/customers"), { Origin: "https://evil.example" }))).toBe(true);
  });

  it("lets a non-browser client without Origin or Referer through (it has no victim's cookies to ride)", () => {
    expect(isSameOriginRequest(withoutOrigin(sendJson("POST", "/api/customers", {}), {}))).toBe(true);
  });
});
