import { randomUUID } from "node:crypto";
import { ownerPrisma as prisma } from "../setup/owner";
import {
  api,
  customerFor,
  databaseSnapshot,
  jsonOf,
  signedInUser,
  type ErrorBody,
  type TestUser,
} from "./helpers";

// Whatever makes a customer unreachable — another owner, no such row, a
// malformed id, a soft delete — every endpoint answers the same 404 and
// writes nothing. And nothing at all answers without a session.

let owner: TestUser;
let intruder: TestUser;
let ownersLive: { id: string };
let ownersArchived: { id: string };
let intrudersLive: { id: string };

beforeAll(async () => {
  owner = await signedInUser();
  intruder = await signedInUser();
  ownersLive = await customerFor(owner, { name: "Owner's live", status: "prospect", info: { vertical: "Retail" } });
  ownersArchived = await customerFor(owner, { name: "Owner's archived", status: "live" });
  await prisma().customer.update({ where: { id: ownersArchived.id }, data: { deletedAt: new Date() } });
  intrudersLive = await customerFor(intruder, { name: "Intruder's own" });
});

interface Endpoint {
  name: string;
  method: string;
  path: (id: string) => string;
  body?: unknown;
}

// Bodies are valid, so that only the id can be the reason for the answer.
const CUSTOMER_ENDPOINTS: Endpoint[] = [
  { name: "GET /api/customers/:id", method: "GET", path: (id) => `/api/customers/${id}` },
  { name: "GET /api/customers/:id/events", method: "GET", path: (id) => `/api/customers/${id}/events` },
  {
    name: "PUT /api/customers/:id",
    method: "PUT",
    path: (id) => `/api/customers/${id}`,
    body: { name: "Hijacked", status: "on_hold", info: { vertical: "Hijacked", product: { name: "Hijacked" } } },
  },
  { name: "DELETE /api/customers/:id", method: "DELETE", path: (id) => `/api/customers/${id}` },
  {
    name: "PATCH /api/customers/:id/status",
    method: "PATCH",
    path: (id) => `/api/customers/${id}/status`,
    body: { status: "on_hold" },
  },
];
const RESTORE: Endpoint = { name: "POST /api/customers/:id/restore", method: "POST", path: (id) => `/api/customers/${id}/restore` };

const NON_UUIDS = ["not-a-uuid", "123", "' OR 1=1 --", `${randomUUID()}x`, "%00"];

async function expectNotFoundAndNoWrite(endpoint: Endpoint, id: string, cookie: string) {
  const before = await databaseSnapshot();
  const response = await api(endpoint.method, endpoint.path(encodeURIComponent(id)), { cookie, body: endpoint.body });
  expect(response.status).toBe(404);
  expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "not_found" });
  expect(await databaseSnapshot()).toEqual(before);
}

describe.each(CUSTOMER_ENDPOINTS)("$name answers 404 and changes nothing", (endpoint) => {
  it("for another user's customer", async () => {
    await expectNotFoundAndNoWrite(endpoint, ownersLive.id, intruder.cookie);
  });

  it("for a random UUID", async () => {
    await expectNotFoundAndNoWrite(endpoint, randomUUID(), owner.cookie);
  });

  it.each(NON_UUIDS)("for the non-UUID id %j", async (id) => {
    await expectNotFoundAndNoWrite(endpoint, id, owner.cookie);
  });

  it("for the user's own archived customer", async () => {
    await expectNotFoundAndNoWrite(endpoint, ownersArchived.id, owner.cookie);
  });
});

describe("POST /api/customers/:id/restore answers 404 and changes nothing", () => {
  it("for another user's archived customer", async () => {
    await expectNotFoundAndNoWrite(RESTORE, ownersArchived.id, intruder.cookie);
  });

  it("for a random UUID", async () => {
    await expectNotFoundAndNoWrite(RESTORE, randomUUID(), owner.cookie);
  });

  it.each(NON_UUIDS)("for the non-UUID id %j", async (id) => {
    await expectNotFoundAndNoWrite(RESTORE, id, owner.cookie);
  });

  it("for a customer that is not archived", async () => {
    await expectNotFoundAndNoWrite(RESTORE, ownersLive.id, owner.cookie);
  });
});

describe("unauthenticated requests → 401 {error: unauthorized}", () => {
  const ALL: Array<{ label: string; method: string; path: () => string; body?: unknown }> = [
    { label: "GET /api/customers", method: "GET", path: () => "/api/customers" },
    { label: "GET /api/customers with invalid params", method: "GET", path: () => "/api/customers?status=bogus&limit=0" },
    { label: "POST /api/customers", method: "POST", path: () => "/api/customers", body: { name: "Anonymous" } },
    { label: "POST /api/customers with malformed JSON", method: "POST", path: () => "/api/customers", body: "{not json" },
    { label: "PATCH /api/customers (no such method)", method: "PATCH", path: () => "/api/customers" },
    ...CUSTOMER_ENDPOINTS.map((endpoint) => ({
      label: endpoint.name,
      method: endpoint.method,
      path: () => endpoint.path(ownersLive.id),
      body: endpoint.body,
    })),
    { label: RESTORE.name, method: "POST", path: () => RESTORE.path(ownersArchived.id) },
    { label: "GET /api/customers/:id/restore (no such method)", method: "GET", path: () => RESTORE.path(ownersArchived.id) },
    { label: "GET /api/customers/:id/status (no such method)", method: "GET", path: () => `/api/customers/${ownersLive.id}/status` },
    { label: "POST /api/customers/:id (no such method)", method: "POST", path: () => `/api/customers/${ownersLive.id}` },
  ];

  it.each(ALL)("$label", async ({ method, path, body }) => {
    const before = await databaseSnapshot();
    for (const cookie of [undefined, "__session=forged-token", "__session="]) {
      const response = await api(method, path(), { cookie, body });
      expect(response.status).toBe(401);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "unauthorized" });
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("401 for a session that was valid once but has expired", async () => {
    const user = await signedInUser();
    await prisma().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await api("GET", "/api/customers", { cookie: user.cookie });
    expect(response.status).toBe(401);
  });
});

describe("methods an endpoint does not serve → 405 JSON with Allow", () => {
  it.each([
    { method: "PUT", path: () => "/api/customers", allow: "GET, POST" },
    { method: "DELETE", path: () => "/api/customers", allow: "GET, POST" },
    { method: "POST", path: () => `/api/customers/${ownersLive.id}`, allow: "GET, PUT, DELETE" },
    { method: "PATCH", path: () => `/api/customers/${ownersLive.id}`, allow: "GET, PUT, DELETE" },
    { method: "GET", path: () => `/api/customers/${ownersLive.id}/status`, allow: "PATCH" },
    { method: "PUT", path: () => `/api/customers/${ownersLive.id}/status`, allow: "PATCH" },
    { method: "GET", path: () => `/api/customers/${ownersArchived.id}/restore`, allow: "POST" },
    { method: "DELETE", path: () => `/api/customers/${ownersArchived.id}/restore`, allow: "POST" },
    { method: "POST", path: () => `/api/customers/${ownersLive.id}/events`, allow: "GET" },
  ])("$method on a route that serves $allow → 405", async ({ method, path, allow }) => {
    const before = await databaseSnapshot();
    const response = await api(method, path(), { cookie: owner.cookie, body: method === "GET" ? undefined : { status: "live" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe(allow);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "method_not_allowed" });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("the intruder's own data is unaffected by all this", () => {
  it("still lists exactly their own customer", async () => {
    const response = await api("GET", "/api/customers", { cookie: intruder.cookie });
    const body = await jsonOf<{ customers: Array<{ id: string }> }>(response);
    expect(body.customers.map((customer) => customer.id)).toEqual([intrudersLive.id]);
  });
});
