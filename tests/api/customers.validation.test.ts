import { ownerPrisma as prisma } from "../setup/owner";
import { LIMITS } from "~/customers/constants";
import { MAX_BODY_BYTES } from "~/http/json-body.server";
import { BASE_URL } from "../http";
import {
  api,
  customerFor,
  databaseSnapshot,
  jsonOf,
  send,
  signedInUser,
  storedCustomer,
  type ApiOptions,
  type CustomerBody,
  type ErrorBody,
  type TestUser,
} from "./helpers";

// A body that is not what the contract asks for is a 400 with issues keyed by
// field path — never a 500, and never a partial write.

let user: TestUser;
let customerId: string;

beforeAll(async () => {
  user = await signedInUser();
  const customer = await customerFor(user, { name: "Stable", status: "lead", info: { vertical: "Retail" } });
  customerId = customer.id;
});

const huge = (bytes: number) => "x".repeat(bytes);
const MEMBER_ID = "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11";

// Each case: a request body (and content type) and the issues it must produce.
const BODY_CASES: Array<{ name: string; options: ApiOptions; issues: Record<string, string[]> }> = [
  { name: "malformed JSON", options: { body: '{"name": "Acme",' }, issues: { "": ["Body must be valid JSON"] } },
  { name: "an empty body", options: { body: "" }, issues: { "": ["Body must be valid JSON"] } },
  { name: "a JSON array", options: { body: [{ name: "Acme" }] }, issues: { "": ["Body must be a JSON object"] } },
  { name: "JSON null", options: { body: "null" }, issues: { "": ["Body must be a JSON object"] } },
  { name: "a JSON string", options: { body: JSON.stringify("Acme") }, issues: { "": ["Body must be a JSON object"] } },
  { name: "a JSON number", options: { body: "42" }, issues: { "": ["Body must be a JSON object"] } },
  {
    name: "no content type",
    options: { body: { name: "Acme" }, contentType: null },
    issues: { "": ["Content-Type must be application/json"] },
  },
  {
    name: "a form content type",
    options: { body: "name=Acme", contentType: "application/x-www-form-urlencoded" },
    issues: { "": ["Content-Type must be application/json"] },
  },
  {
    name: "text/plain carrying JSON",
    options: { body: { name: "Acme" }, contentType: "text/plain" },
    issues: { "": ["Content-Type must be application/json"] },
  },
  {
    name: "bytes that are not UTF-8",
    options: { body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    issues: { "": ["Body must be UTF-8 encoded JSON"] },
  },
];

describe("POST /api/customers rejects a bad body with 400 and creates nothing", () => {
  it.each(BODY_CASES)("$name", async ({ options, issues }) => {
    const before = await databaseSnapshot();
    const response = await api("POST", "/api/customers", { cookie: user.cookie, ...options });
    expect(response.status).toBe(400);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "validation", issues });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it.each([
    { name: "a missing name", body: { status: "lead" }, issues: { name: ["Name is required"] } },
    { name: "an empty name", body: { name: "" }, issues: { name: ["Name is required"] } },
    { name: "a blank name", body: { name: "   " }, issues: { name: ["Name is required"] } },
    { name: "a name that is not text", body: { name: 42 }, issues: { name: ["Name must be text"] } },
    { name: "a name of only zero-width spaces", body: { name: "\u200B\u200B" }, issues: { name: ["Name must contain a visible character"] } },
    { name: "a name of only direction controls", body: { name: "\u202E\u2066" }, issues: { name: ["Name is required"] } },
    {
      name: "a team member whose name shows nothing",
      body: { name: "Acme", info: { team: [{ name: "Ada" }, { name: "\u2800\u3164" }] } },
      issues: { "info.team.1.name": ["Name must contain a visible character"] },
    },
    {
      name: "a name that is too long",
      body: { name: huge(LIMITS.name + 1) },
      issues: { name: [`Name must be at most ${LIMITS.name} characters`] },
    },
    {
      name: "an unknown status",
      body: { name: "Acme", status: "won" },
      issues: { status: ["Status must be one of: lead, prospect, negotiation, live, on_hold, archive"] },
    },
    { name: "an unknown top-level key", body: { name: "Acme", owner: "someone" }, issues: { owner: ["Unknown field"] } },
    {
      name: "a __proto__ key, reported as the plain field it is",
      body: '{"name": "Acme", "__proto__": {"admin": true}}',
      issues: { ["__proto__"]: ["Unknown field"] },
    },
    {
      name: "a user_id, which the session decides",
      body: { name: "Acme", user_id: "00000000-0000-4000-8000-000000000000" },
      issues: { user_id: ["Unknown field"] },
    },
    {
      name: "info that is not an object",
      body: { name: "Acme", info: "about" },
      issues: { info: ["Expected object, received string"] },
    },
    {
      name: "a product URL that is not http(s)",
      body: { name: "Acme", info: { product: { url: "javascript:alert(1)" } } },
      issues: { "info.product.url": ["Enter a full web address, like https://example.com"] },
    },
    {
      name: "a team member with a bad email",
      body: { name: "Acme", info: { team: [{ name: "Ada" }, { name: "Bo", email: "nope" }] } },
      issues: { "info.team.1.email": ["Enter a valid email address"] },
    },
    {
      name: "two team members with the same id",
      body: { name: "Acme", info: { team: [{ id: MEMBER_ID, name: "Ada" }, { name: "Bo" }, { id: MEMBER_ID, name: "Cy" }] } },
      issues: { "info.team.2.id": ["Two team members have the same id"] },
    },
    {
      name: "info larger than LIMITS.infoBytes",
      body: { name: "Acme", info: { notes: huge(LIMITS.infoBytes) } },
      issues: { info: [`Info must be at most ${LIMITS.infoBytes / 1024} KB`] },
    },
    {
      name: "several problems at once",
      body: { name: "", status: "won", extra: true },
      issues: {
        name: ["Name is required"],
        status: ["Status must be one of: lead, prospect, negotiation, live, on_hold, archive"],
        extra: ["Unknown field"],
      },
    },
  ])("$name → 400 with field issues", async ({ body, issues }) => {
    const before = await databaseSnapshot();
    const response = await api("POST", "/api/customers", { cookie: user.cookie, body });
    expect(response.status).toBe(400);
    const payload = await jsonOf<ErrorBody>(response);
    expect(payload.error).toBe("validation");
    expect(payload.issues).toEqual(issues);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("accepts a JSON media type with parameters or a +json suffix", async () => {
    for (const contentType of ["application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"]) {
      const response = await api("POST", "/api/customers", { cookie: user.cookie, body: { name: "Typed" }, contentType });
      expect(response.status, contentType).toBe(201);
    }
  });

  it("takes the controls that reorder text out of every text field, at any depth", async () => {
    const info = { about: "\u2066About\u2069", product: { name: "\u202DWidget" }, team: [{ name: "Ada \u202Eecalevol" }] };
    const response = await api("POST", "/api/customers", { cookie: user.cookie, body: { name: "Acme \u202Egpj.exe", info } });
    expect(response.status).toBe(201);
    const { customer } = await jsonOf<CustomerBody>(response);
    expect((await storedCustomer(customer.id))!).toMatchObject({
      name: "Acme gpj.exe",
      info: { about: "About", product: { name: "Widget" }, team: [{ name: "Ada ecalevol" }] },
    });
  });

  it("keeps unknown keys inside info, at any depth", async () => {
    const info = {
      vertical: "Retail",
      crm_id: 1234,
      tags: ["b2b", "eu"],
      flags: { beta: true },
      product: { name: "One", sku: "ONE-1", dimensions: { w: 1, h: 2 } },
    };
    const response = await api("POST", "/api/customers", { cookie: user.cookie, body: { name: "Extensible", info } });
    expect(response.status).toBe(201);
    const { customer } = await jsonOf<CustomerBody>(response);
    expect(customer.info).toEqual(info);
    expect((await storedCustomer(customer.id))!.info).toEqual(info);
  });
});

// Known domain issue (see the report): TeamMemberSchema is .strict(), so an
// unknown key on a team member is a 400, against the contract's "unknown extra
// keys inside info are kept". Fails until the schema or the contract changes.
it("keeps unknown keys on team members inside info, as everywhere else in info", async () => {
  const team = [{ name: "Ada", role: "CEO", linkedin: "https://linkedin.example/ada" }];
  const response = await api("POST", "/api/customers", { cookie: user.cookie, body: { name: "Team extras", info: { team } } });
  expect(response.status).toBe(201);
  const { customer } = await jsonOf<CustomerBody>(response);
  expect((customer.info as { team: unknown[] }).team[0]).toMatchObject(team[0]!);
});

describe("a body over the size cap is refused before it is parsed", () => {
  it("413 for a body over the cap", async () => {
    const before = await databaseSnapshot();
    const body = JSON.stringify({ name: "Big", info: { blob: huge(MAX_BODY_BYTES) } });
    for (const [method, path] of [
      ["POST", "/api/customers"],
      ["PUT", `/api/customers/${customerId}`],
    ] as const) {
      const response = await api(method, path, { cookie: user.cookie, body });
      expect(response.status).toBe(413);
      expect((await jsonOf<ErrorBody>(response)).error).toBe("payload_too_large");
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("413 as soon as Content-Length declares more than the cap, without reading on", async () => {
    const response = await api("POST", "/api/customers", {
      cookie: user.cookie,
      body: { name: "Small" },
      headers: { "Content-Length": String(MAX_BODY_BYTES + 1) },
    });
    expect(response.status).toBe(413);
  });

  it("413 when a streamed body without Content-Length outgrows it", async () => {
    const chunk = new TextEncoder().encode(huge(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"Big","info":{"blob":"'));
        // Endless on purpose: the reader must stop on its own.
        controller.enqueue(chunk);
        sent += 1;
      },
    });
    const request = new Request(new URL("/api/customers", BASE_URL), {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: user.cookie },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await send(request);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(10);
  });
});

describe("PUT /api/customers/:id rejects a bad body with 400 and leaves the row as it was", () => {
  it.each(BODY_CASES)("$name", async ({ options, issues }) => {
    const before = await storedCustomer(customerId);
    const response = await api("PUT", `/api/customers/${customerId}`, { cookie: user.cookie, ...options });
    expect(response.status).toBe(400);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "validation", issues });
    expect(await storedCustomer(customerId)).toEqual(before);
  });

  it.each([
    { name: "an empty name", body: { name: "" }, issues: { name: ["Name is required"] } },
    { name: "a null name", body: { name: null }, issues: { name: ["Name must be text"] } },
    {
      name: "an unknown status",
      body: { status: "closed" },
      issues: { status: ["Status must be one of: lead, prospect, negotiation, live, on_hold, archive"] },
    },
    { name: "an unknown top-level key", body: { name: "Fine", id: "00000000-0000-4000-8000-000000000000" }, issues: { id: ["Unknown field"] } },
    { name: "a deleted_at", body: { deleted_at: null }, issues: { deleted_at: ["Unknown field"] } },
    { name: "info: null", body: { info: null }, issues: { info: ["Expected object, received null"] } },
    {
      name: "info larger than LIMITS.infoBytes",
      body: { info: { notes: huge(LIMITS.infoBytes) } },
      issues: { info: [`Info must be at most ${LIMITS.infoBytes / 1024} KB`] },
    },
    {
      // An edit or removal by id would hit both, and one member would be lost.
      name: "two team members with the same id",
      body: { info: { team: [{ id: MEMBER_ID, name: "Ada" }, { id: MEMBER_ID, name: "Ada again" }] } },
      issues: { "info.team.1.id": ["Two team members have the same id"] },
    },
    {
      name: "the same id in another case, which is the same uuid",
      body: { info: { team: [{ id: MEMBER_ID, name: "Ada" }, { id: MEMBER_ID.toUpperCase(), name: "Ada again" }] } },
      issues: { "info.team.1.id": ["Two team members have the same id"] },
    },
    {
      name: "a bad product URL next to valid fields",
      body: { name: "Renamed", info: { vertical: "Media", product: { url: "not a url" } } },
      issues: { "info.product.url": ["Enter a full web address, like https://example.com"] },
    },
  ])("$name → 400 with field issues", async ({ body, issues }) => {
    const before = await storedCustomer(customerId);
    const response = await api("PUT", `/api/customers/${customerId}`, { cookie: user.cookie, body });
    expect(response.status).toBe(400);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "validation", issues });
    expect(await storedCustomer(customerId)).toEqual(before);
  });

  it("400 on info when the merged result would outgrow the database's ceiling", async () => {
    const customer = await customerFor(user, { name: "Growing", info: {} });
    const chunk = huge(60 * 1024);
    for (const key of ["a", "b"]) {
      const response = await api("PUT", `/api/customers/${customer.id}`, { cookie: user.cookie, body: { info: { [key]: chunk } } });
      expect(response.status).toBe(200);
    }
    const before = await storedCustomer(customer.id);
    const response = await api("PUT", `/api/customers/${customer.id}`, { cookie: user.cookie, body: { info: { c: chunk } } });
    expect(response.status).toBe(400);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "validation", issues: { info: ["Info is too large"] } });
    expect(await storedCustomer(customer.id)).toEqual(before);
  });

  it("a validation error on PUT never reveals whether the id exists: 400 comes before the lookup", async () => {
    const response = await api("PUT", "/api/customers/not-a-uuid", { cookie: user.cookie, body: "[]" });
    expect(response.status).toBe(400);
  });
});

describe("PATCH /api/customers/:id/status rejects a bad body with 400 and leaves the row as it was", () => {
  it.each([
    ...BODY_CASES,
    {
      name: "a missing status",
      options: { body: {} },
      issues: { status: ["Status must be one of: lead, prospect, negotiation, live, on_hold, archive"] },
    },
    {
      name: "an unknown status",
      options: { body: { status: "LIVE" } },
      issues: { status: ["Status must be one of: lead, prospect, negotiation, live, on_hold, archive"] },
    },
    {
      name: "a null status",
      options: { body: { status: null } },
      issues: { status: ["Status must be one of: lead, prospect, negotiation, live, on_hold, archive"] },
    },
    { name: "an extra key", options: { body: { status: "live", name: "x" } }, issues: { name: ["Unknown field"] } },
  ])("$name", async ({ options, issues }) => {
    const before = await databaseSnapshot();
    const response = await api("PATCH", `/api/customers/${customerId}/status`, { cookie: user.cookie, ...options });
    expect(response.status).toBe(400);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "validation", issues });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("the stored row survived every refused request", () => {
  it("is still the original customer", async () => {
    const stored = await prisma().customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(stored).toMatchObject({ name: "Stable", status: "lead", info: { vertical: "Retail" }, deletedAt: null });
  });
});
