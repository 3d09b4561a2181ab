import { randomUUID } from "node:crypto";
import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import { agreementsSnapshot } from "./agreement-helpers";
import { readVia, recordVia } from "./receivable-helpers";

// Whatever makes a receivable unreachable — another owner, no such row, a
// malformed id, an archived customer — every receivables endpoint answers the
// same 404 and writes nothing; an archived customer's receivables come back
// with it. Nothing answers without a session, and other methods are a 405.

let owner: TestUser;
let intruder: TestUser;
let ownersCustomer: { id: string };
let ownersDraft: string;
let intrudersCustomer: { id: string };
let intrudersDraft: string;

beforeAll(async () => {
  owner = await signedInUser();
  intruder = await signedInUser();
  ownersCustomer = await customerFor(owner, { name: "Owner's", status: "live" });
  intrudersCustomer = await customerFor(intruder, { name: "Intruder's", status: "live" });
  // A draft: every endpoint, DELETE included, would succeed on it for its owner.
  const draft = { type: "invoice", amount: "10", status: "draft" };
  ownersDraft = (await recordVia(owner, ownersCustomer.id, { ...draft, reference: "OWN-1" })).id;
  intrudersDraft = (await recordVia(intruder, intrudersCustomer.id, { ...draft, reference: "INT-1" })).id;
});

interface Endpoint {
  name: string;
  method: string;
  /** The customer's id for the list, the receivable's for the rest. */
  on: "customer" | "receivable";
  path: (id: string) => string;
  body?: unknown;
}

// Bodies are valid, so that only the id can be the reason for the answer.
const ENDPOINTS: Endpoint[] = [
  { name: "GET /api/customers/:id/receivables", method: "GET", on: "customer", path: (id) => `/api/customers/${id}/receivables` },
  {
    name: "POST /api/customers/:id/receivables",
    method: "POST",
    on: "customer",
    path: (id) => `/api/customers/${id}/receivables`,
    body: { type: "payment", amount: "1" },
  },
  { name: "GET /api/receivables/:rid", method: "GET", on: "receivable", path: (id) => `/api/receivables/${id}` },
  { name: "PATCH /api/receivables/:rid", method: "PATCH", on: "receivable", path: (id) => `/api/receivables/${id}`, body: { status: "sent" } },
  { name: "DELETE /api/receivables/:rid", method: "DELETE", on: "receivable", path: (id) => `/api/receivables/${id}` },
  { name: "POST /api/receivables/:rid/void", method: "POST", on: "receivable", path: (id) => `/api/receivables/${id}/void` },
];

const NON_UUIDS = ["not-a-uuid", "' OR 1=1 --", `${randomUUID()}x`, "%00"];

async function expectNotFoundAndNoWrite(endpoint: Endpoint, id: string, cookie: string) {
  const before = await agreementsSnapshot();
  const response = await api(endpoint.method, endpoint.path(encodeURIComponent(id)), { cookie, body: endpoint.body });
  expect(response.status).toBe(404);
  expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "not_found" });
  expect(await agreementsSnapshot()).toEqual(before);
}

describe.each(ENDPOINTS)("$name answers 404 and changes nothing", (endpoint) => {
  it("for another user's id", async () => {
    await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? ownersCustomer.id : ownersDraft, intruder.cookie);
    await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? intrudersCustomer.id : intrudersDraft, owner.cookie);
  });

  it("for the other kind of id, a random UUID and non-UUIDs", async () => {
    await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? ownersDraft : ownersCustomer.id, owner.cookie);
    await expectNotFoundAndNoWrite(endpoint, randomUUID(), owner.cookie);
    for (const id of NON_UUIDS) await expectNotFoundAndNoWrite(endpoint, id, owner.cookie);
  });
});

describe("an archived customer's receivables", () => {
  it("answer 404 in every route until the customer is restored; then 200 again", async () => {
    const user = await signedInUser();
    const customer = await customerFor(user, { name: "Archived for a while", status: "live" });
    const draft = await recordVia(user, customer.id, { type: "invoice", amount: "10", status: "draft", reference: "ARC-1" });

    expect((await api("DELETE", `/api/customers/${customer.id}`, { cookie: user.cookie })).status).toBe(200);
    for (const endpoint of ENDPOINTS) {
      await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? customer.id : draft.id, user.cookie);
    }

    expect((await api("POST", `/api/customers/${customer.id}/restore`, { cookie: user.cookie })).status).toBe(200);
    expect(await readVia(user, draft.id)).toEqual(draft);
    const call = (method: string, path: string, body?: unknown) => api(method, path, { cookie: user.cookie, body });
    expect((await call("GET", `/api/customers/${customer.id}/receivables`)).status).toBe(200);
    expect((await call("POST", `/api/customers/${customer.id}/receivables`, { type: "payment", amount: 1 })).status).toBe(201);
    expect((await call("PATCH", `/api/receivables/${draft.id}`, { status: "sent" })).status).toBe(200);
    expect((await call("POST", `/api/receivables/${draft.id}/void`)).status).toBe(200);
  });
});

describe("unauthenticated requests → 401 {error: unauthorized}, nothing written", () => {
  const CASES = [
    ...ENDPOINTS.map((endpoint) => ({
      label: endpoint.name,
      method: endpoint.method,
      path: () => endpoint.path(endpoint.on === "customer" ? ownersCustomer.id : ownersDraft),
      body: endpoint.body,
    })),
    { label: "PUT /api/receivables/:rid (no such method)", method: "PUT", path: () => `/api/receivables/${ownersDraft}`, body: {} },
    { label: "GET /api/receivables/:rid/void (no such method)", method: "GET", path: () => `/api/receivables/${ownersDraft}/void`, body: undefined },
  ];

  it.each(CASES)("$label", async ({ method, path, body }) => {
    const before = await agreementsSnapshot();
    for (const cookie of [undefined, "__session=forged-token"]) {
      const response = await api(method, path(), { cookie, body });
      expect(response.status).toBe(401);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "unauthorized" });
    }
    expect(await agreementsSnapshot()).toEqual(before);
  });
});

describe("other methods → 405 with Allow", () => {
  it.each([
    ["PUT", () => `/api/customers/${ownersCustomer.id}/receivables`, "GET, POST"],
    ["PUT", () => `/api/receivables/${ownersDraft}`, "GET, PATCH, DELETE"],
    ["GET", () => `/api/receivables/${ownersDraft}/void`, "POST"],
    ["DELETE", () => `/api/receivables/${ownersDraft}/void`, "POST"],
  ])("%s %s", async (method, path, allow) => {
    const response = await api(method, path(), { cookie: owner.cookie, body: method === "GET" ? undefined : {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe(allow);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "method_not_allowed" });
  });
});
