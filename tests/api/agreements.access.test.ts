import { randomUUID } from "node:crypto";
import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import { addDays, agreementsSnapshot, createVia, todayOf, type AgreementBody } from "./agreement-helpers";

// Whatever makes an agreement unreachable — another owner, no such row, a
// malformed id, an archived customer — every agreement endpoint answers the
// same 404 and writes nothing; an archived customer's agreements come back
// with it. And nothing answers without a session.

let owner: TestUser;
let intruder: TestUser;
let ownersCustomer: { id: string };
let ownersAgreement: string;
let intrudersCustomer: { id: string };
let intrudersAgreement: string;

beforeAll(async () => {
  owner = await signedInUser();
  intruder = await signedInUser();
  ownersCustomer = await customerFor(owner, { name: "Owner's", status: "live" });
  intrudersCustomer = await customerFor(intruder, { name: "Intruder's", status: "live" });
  const today = await todayOf(owner.id);
  const body = { scope: "Renewable", type: "fixed_fee", pricing: { amount: 5000 }, start_date: addDays(today, -10), end_date: addDays(today, 50) };
  ownersAgreement = (await createVia(owner, ownersCustomer.id, body)).id;
  intrudersAgreement = (await createVia(intruder, intrudersCustomer.id, body)).id;
});

interface Endpoint {
  name: string;
  method: string;
  /** The customer's id for the list, the agreement's for the rest. */
  on: "customer" | "agreement";
  path: (id: string) => string;
  body?: unknown;
}

// Bodies are valid, so that only the id can be the reason for the answer.
const ENDPOINTS: Endpoint[] = [
  { name: "GET /api/customers/:id/agreements", method: "GET", on: "customer", path: (id) => `/api/customers/${id}/agreements` },
  {
    name: "POST /api/customers/:id/agreements",
    method: "POST",
    on: "customer",
    path: (id) => `/api/customers/${id}/agreements`,
    body: { scope: "Planted", type: "hourly", pricing: { rate: 1 } },
  },
  { name: "GET /api/agreements/:aid", method: "GET", on: "agreement", path: (id) => `/api/agreements/${id}` },
  { name: "PATCH /api/agreements/:aid", method: "PATCH", on: "agreement", path: (id) => `/api/agreements/${id}`, body: { scope: "Hijacked", notice_days: 0 } },
  { name: "DELETE /api/agreements/:aid", method: "DELETE", on: "agreement", path: (id) => `/api/agreements/${id}` },
  { name: "POST /api/agreements/:aid/terminate", method: "POST", on: "agreement", path: (id) => `/api/agreements/${id}/terminate`, body: { reason: "Hijacked" } },
  { name: "POST /api/agreements/:aid/suspend", method: "POST", on: "agreement", path: (id) => `/api/agreements/${id}/suspend` },
  { name: "POST /api/agreements/:aid/resume", method: "POST", on: "agreement", path: (id) => `/api/agreements/${id}/resume` },
  { name: "POST /api/agreements/:aid/renew", method: "POST", on: "agreement", path: (id) => `/api/agreements/${id}/renew` },
];

const NON_UUIDS = ["not-a-uuid", "123", "' OR 1=1 --", `${randomUUID()}x`, "%00", randomUUID().replace(/-/g, "")];

async function expectNotFoundAndNoWrite(endpoint: Endpoint, id: string, cookie: string) {
  const before = await agreementsSnapshot();
  const response = await api(endpoint.method, endpoint.path(encodeURIComponent(id)), { cookie, body: endpoint.body });
  expect(response.status).toBe(404);
  expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "not_found" });
  expect(await agreementsSnapshot()).toEqual(before);
}

describe.each(ENDPOINTS)("$name answers 404 and changes nothing", (endpoint) => {
  it("for another user's id", async () => {
    // The intruder aims at the owner's rows…
    await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? ownersCustomer.id : ownersAgreement, intruder.cookie);
    // …and the owner at the intruder's.
    await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? intrudersCustomer.id : intrudersAgreement, owner.cookie);
  });

  it("for the other kind of id (a customer's id as an agreement's, and back)", async () => {
    await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? ownersAgreement : ownersCustomer.id, owner.cookie);
  });

  it("for a random UUID", async () => {
    await expectNotFoundAndNoWrite(endpoint, randomUUID(), owner.cookie);
  });

  it.each(NON_UUIDS)("for the non-UUID id %j", async (id) => {
    await expectNotFoundAndNoWrite(endpoint, id, owner.cookie);
  });
});

describe("an archived customer's agreements", () => {
  it("answer 404 in every route until the customer is restored; then 200 again", async () => {
    const user = await signedInUser();
    const customer = await customerFor(user, { name: "Archived for a while", status: "live" });
    const today = await todayOf(user.id);
    const body = { scope: "Kept", type: "other", start_date: addDays(today, -10), end_date: addDays(today, 50) };
    const agreement = await createVia(user, customer.id, body);
    const spare = await createVia(user, customer.id, { ...body, scope: "To delete" });

    expect((await api("DELETE", `/api/customers/${customer.id}`, { cookie: user.cookie })).status).toBe(200);
    for (const endpoint of ENDPOINTS) {
      await expectNotFoundAndNoWrite(endpoint, endpoint.on === "customer" ? customer.id : agreement.id, user.cookie);
    }

    expect((await api("POST", `/api/customers/${customer.id}/restore`, { cookie: user.cookie })).status).toBe(200);
    const call = (method: string, path: string, requestBody?: unknown) => api(method, path, { cookie: user.cookie, body: requestBody });
    const list = await call("GET", `/api/customers/${customer.id}/agreements`);
    expect(list.status).toBe(200);
    expect((await jsonOf<{ agreements: unknown[] }>(list)).agreements).toHaveLength(2);
    expect((await call("POST", `/api/customers/${customer.id}/agreements`, { scope: "New", type: "other" })).status).toBe(201);
    const read = await call("GET", `/api/agreements/${agreement.id}`);
    expect(read.status).toBe(200);
    expect((await jsonOf<AgreementBody>(read)).agreement).toEqual(agreement);
    expect((await call("PATCH", `/api/agreements/${agreement.id}`, { notice_days: 7 })).status).toBe(200);
    expect((await call("POST", `/api/agreements/${agreement.id}/suspend`)).status).toBe(200);
    expect((await call("POST", `/api/agreements/${agreement.id}/resume`)).status).toBe(200);
    expect((await call("POST", `/api/agreements/${agreement.id}/renew`)).status).toBe(201);
    expect((await call("POST", `/api/agreements/${agreement.id}/terminate`, {})).status).toBe(200);
    expect((await call("DELETE", `/api/agreements/${spare.id}`)).status).toBe(200);
  });
});

describe("unauthenticated requests → 401 {error: unauthorized}, nothing written", () => {
  const CASES = [
    ...ENDPOINTS.map((endpoint) => ({ label: endpoint.name, method: endpoint.method, path: () => endpoint.path(endpoint.on === "customer" ? ownersCustomer.id : ownersAgreement), body: endpoint.body })),
    { label: "POST with malformed JSON", method: "POST", path: () => `/api/customers/${ownersCustomer.id}/agreements`, body: "{" },
    { label: "PUT /api/agreements/:aid (no such method)", method: "PUT", path: () => `/api/agreements/${ownersAgreement}`, body: {} },
    { label: "GET /api/agreements/:aid/renew (no such method)", method: "GET", path: () => `/api/agreements/${ownersAgreement}/renew`, body: undefined },
    { label: "POST /api/agreements/:aid/unknown", method: "POST", path: () => `/api/agreements/${ownersAgreement}/unknown`, body: undefined },
  ];

  it.each(CASES)("$label", async ({ method, path, body }) => {
    const before = await agreementsSnapshot();
    for (const cookie of [undefined, "__session=forged-token", "__session="]) {
      const response = await api(method, path(), { cookie, body });
      expect(response.status).toBe(401);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "unauthorized" });
    }
    expect(await agreementsSnapshot()).toEqual(before);
  });
});
