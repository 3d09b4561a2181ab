import * as layoutRoute from "~/routes/customers";
import * as listRoute from "~/routes/customers._index";
import * as detailRoute from "~/routes/customers.$id";
import * as signupRoute from "~/routes/signup";
import { MAX_JSON_DEPTH } from "~/http/json-body.server";
import { isStorableText, jsonNestingDepth, toStorableText } from "~/utils/storable-text";
import { apiRequest, send } from "../api/helpers";
import { signUp } from "../auth-helpers";
import { BASE_URL, call, get, postForm } from "../http";
import { ownerPrisma } from "../setup/owner";

// Inputs PostgreSQL cannot store or a parser cannot survive, each found by the
// property-based tests: refused at the edge with a 4xx, the database untouched.

let cookie: string;
let customerId: string;

beforeAll(async () => {
  ({ cookie } = await signUp());
  const created = await send(apiRequest("POST", "/api/customers", { cookie, body: { name: "Steady Co" } }));
  customerId = ((await created.json()) as { customer: { id: string } }).customer.id;
});

async function unchanged() {
  const customer = await ownerPrisma().customer.findUniqueOrThrow({ where: { id: customerId } });
  expect(customer.name).toBe("Steady Co");
  expect(customer.info).toEqual({});
}

describe("text the database cannot store", () => {
  it.each([
    ["NUL in a name", '{"name":"a\\u0000b"}'],
    ["NUL in info", '{"info":{"about":"\\u0000"}}'],
    ["an unpaired surrogate in info", '{"info":{"about":"\\udfff"}}'],
    ["an unpaired surrogate in a key", '{"info":{"\\ud800":"x"}}'],
  ])("JSON API: %s is a 400", async (_label, body) => {
    const response = await send(apiRequest("PUT", `/api/customers/${customerId}`, { cookie, body }));
    expect(response.status).toBe(400);
    await unchanged();
  });

  it("forms: NUL in a field is a 400 (page and sign-up)", async () => {
    const create = await call(layoutRoute.action, postForm("/customers", { intent: "create", name: "a\u0000b" }, { cookie }));
    expect(create.status).toBe(400);
    const signup = await call(signupRoute.action, postForm("/signup", { name: "x\u0000", email: "nul@example.com", password: "long enough" }));
    expect(signup.status).toBe(400);
    expect(await ownerPrisma().user.count({ where: { email: "nul@example.com" } })).toBe(0);
  });

  it("search: the page drops what cannot be compared; the API says 400", async () => {
    expect((await call(listRoute.loader, get("/customers?q=%00", { cookie }))).status).toBe(200);
    expect((await send(apiRequest("GET", "/api/customers?q=%00", { cookie }))).status).toBe(400);
  });

  it("helpers", () => {
    expect(isStorableText("plain ✓ 😀")).toBe(true);
    expect(isStorableText("a\u0000")).toBe(false);
    expect(isStorableText("\ud83d")).toBe(false);
    expect(toStorableText("a\u0000b\udfff")).toBe("ab\ufffd");
  });
});

describe("JSON nested too deeply", () => {
  const nested = (depth: number) => `{"info":{"deep":${"[".repeat(depth)}1${"]".repeat(depth)}}}`;

  it.each([200, 5000])("%i levels: 400, no stack overflow, the database still answers", async (depth) => {
    const response = await send(apiRequest("PUT", `/api/customers/${customerId}`, { cookie, body: nested(depth) }));
    expect(response.status).toBe(400);
    await unchanged();
    expect((await send(apiRequest("GET", `/api/customers/${customerId}`, { cookie }))).status).toBe(200);
  });

  it("counts depth outside strings only", () => {
    expect(jsonNestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonNestingDepth(nested(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH + 2);
  });
});

describe("a page action sent something that is not a form", () => {
  it.each([
    ["application/json", '{"intent":"status","status":"live"}', 415],
    ["text/plain", "intent=status", 415],
    [null, "intent=status", 415],
    ["multipart/form-data; boundary=x", "not multipart at all", 400],
  ])("Content-Type %s → %i, nothing changes", async (type, body, status) => {
    const headers = new Headers({ Origin: BASE_URL, Cookie: cookie });
    if (type) headers.set("Content-Type", type);
    const request = new Request(new URL(`/customers/${customerId}`, BASE_URL), {
      method: "POST",
      headers,
      body: new TextEncoder().encode(body),
    });
    const response = await call(detailRoute.action, request, { id: customerId });
    expect(response.status).toBe(status);
    expect((await ownerPrisma().customer.findUniqueOrThrow({ where: { id: customerId } })).status).toBe("lead");
  });
});
