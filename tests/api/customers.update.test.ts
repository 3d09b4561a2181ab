import { ownerPrisma as prisma } from "../setup/owner";
import {
  api,
  customerFor,
  jsonOf,
  signedInUser,
  storedCustomer,
  type CustomerBody,
  type TestUser,
} from "./helpers";

// PUT's info is a JSON merge patch applied in SQL: what is not sent is kept,
// objects merge, null removes, and concurrent writers do not lose each other.

let user: TestUser;

beforeAll(async () => {
  user = await signedInUser();
});

async function put(id: string, body: unknown) {
  const response = await api("PUT", `/api/customers/${id}`, { cookie: user.cookie, body });
  expect(response.status).toBe(200);
  return (await jsonOf<CustomerBody>(response)).customer;
}

function eventsOf(customerId: string) {
  return prisma().customerEvent.findMany({
    where: { customerId },
    orderBy: { createdAt: "asc" },
    select: { eventType: true, title: true, metadata: true },
  });
}

const INITIAL_INFO = {
  about: "Makes things",
  vertical: "Retail",
  crm_id: 7,
  product: { name: "One", stage: "mvp", url: "https://one.example.com", sku: "ONE" },
  team: [{ id: "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11", name: "Ada", role: "CEO" }],
};

describe("PUT /api/customers/:id info merge", () => {
  it("keeps keys that were not sent", async () => {
    const customer = await customerFor(user, { name: "Keep", info: INITIAL_INFO });
    const updated = await put(customer.id, { info: { persona: "CTO" } });
    expect(updated.info).toEqual({ ...INITIAL_INFO, persona: "CTO" });
    expect((await storedCustomer(customer.id))!.info).toEqual(updated.info);
  });

  it("merges nested product keys", async () => {
    const customer = await customerFor(user, { name: "Nested", info: INITIAL_INFO });
    const updated = await put(customer.id, { info: { product: { stage: "growth", category: "SaaS" } } });
    expect(updated.info).toEqual({
      ...INITIAL_INFO,
      product: { name: "One", stage: "growth", category: "SaaS", url: "https://one.example.com", sku: "ONE" },
    });
  });

  it("removes a key set to null, at the top and nested", async () => {
    const customer = await customerFor(user, { name: "Nulls", info: INITIAL_INFO });
    const updated = await put(customer.id, { info: { about: null, crm_id: null, product: { sku: null, url: null } } });
    expect(updated.info).toEqual({
      vertical: "Retail",
      product: { name: "One", stage: "mvp" },
      team: INITIAL_INFO.team,
    });
    const cleared = await put(customer.id, { info: { product: null } });
    expect(cleared.info).not.toHaveProperty("product");
  });

  it("replaces arrays whole (merge patch does not merge arrays), giving new members an id", async () => {
    const customer = await customerFor(user, { name: "Team", info: INITIAL_INFO });
    const updated = await put(customer.id, { info: { team: [{ name: "Bo", email: "bo@example.com" }] } });
    const team = (updated.info as { team: Array<Record<string, string>> }).team;
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({ name: "Bo", email: "bo@example.com" });
    expect(team[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps unknown keys sent inside info", async () => {
    const customer = await customerFor(user, { name: "Unknowns", info: INITIAL_INFO });
    const updated = await put(customer.id, { info: { custom: { nested: [1, { deep: true }] }, product: { extra: "kept" } } });
    expect(updated.info).toMatchObject({
      crm_id: 7,
      custom: { nested: [1, { deep: true }] },
      product: { name: "One", sku: "ONE", extra: "kept" },
    });
  });

  it("fills in a customer whose stored info is null", async () => {
    const customer = await customerFor(user, { name: "Empty" });
    await prisma().$executeRaw`UPDATE customers SET info = NULL WHERE id = ${customer.id}::uuid`;
    const updated = await put(customer.id, { info: { vertical: "Energy" } });
    expect(updated.info).toEqual({ vertical: "Energy" });
  });

  it("leaves name, status and info alone when they are not sent", async () => {
    const customer = await customerFor(user, { name: "Untouched", status: "live", info: INITIAL_INFO });
    const updated = await put(customer.id, {});
    expect(updated).toMatchObject({ name: "Untouched", status: "live", info: INITIAL_INFO });
    const renamed = await put(customer.id, { name: "  Renamed  " });
    expect(renamed).toMatchObject({ name: "Renamed", status: "live", info: INITIAL_INFO });
  });

  it("20 concurrent PUTs each setting a different info key → all 20 keys present", async () => {
    const customer = await customerFor(user, { name: "Concurrent", info: { vertical: "Retail" } });
    const keys = Array.from({ length: 20 }, (_, index) => `key_${index}`);
    const responses = await Promise.all(
      keys.map((key, index) =>
        api("PUT", `/api/customers/${customer.id}`, { cookie: user.cookie, body: { info: { [key]: index } } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(keys.map(() => 200));
    const stored = (await storedCustomer(customer.id))!.info as Record<string, unknown>;
    expect(stored).toEqual({ vertical: "Retail", ...Object.fromEntries(keys.map((key, index) => [key, index])) });
  });

  it("concurrent status changes each record the transition they actually made", async () => {
    const customer = await customerFor(user, { name: "Racing", status: "lead", info: {} });
    const targets = ["prospect", "negotiation", "live", "on_hold"] as const;
    await Promise.all(
      targets.map((status) =>
        api("PATCH", `/api/customers/${customer.id}/status`, { cookie: user.cookie, body: { status } }),
      ),
    );
    const events = await prisma().customerEvent.findMany({
      where: { customerId: customer.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { metadata: true },
    });
    const transitions = events.map((event) => event.metadata as { from: string; to: string });
    expect(transitions).toHaveLength(targets.length);
    // A chain from lead to the final status: each change starts where another ended.
    const froms = transitions.map((transition) => transition.from).sort();
    const tos = transitions.map((transition) => transition.to);
    const final = (await storedCustomer(customer.id))!.status;
    expect(froms).toEqual(["lead", ...tos.filter((status) => status !== final)].sort());
  });
});

describe("a request that changes nothing writes nothing", () => {
  it.each([
    { name: "PUT {}", method: "PUT", path: "", body: {} },
    {
      name: "PUT with the stored name, status and info",
      method: "PUT",
      path: "",
      body: { name: "Steady", status: "live", info: { vertical: "Retail", product: { stage: "mvp" }, team: INITIAL_INFO.team } },
    },
    { name: "PATCH /status with the stored status", method: "PATCH", path: "/status", body: { status: "live" } },
  ])("$name: 200 with the customer, updated_at kept, no event", async ({ method, path, body }) => {
    const customer = await customerFor(user, { name: "Steady", status: "live", info: INITIAL_INFO });
    const before = await storedCustomer(customer.id);
    const response = await api(method, `/api/customers/${customer.id}${path}`, { cookie: user.cookie, body });
    expect(response.status).toBe(200);
    const returned = (await jsonOf<CustomerBody>(response)).customer;
    expect(returned).toMatchObject({ name: "Steady", status: "live", info: INITIAL_INFO });
    expect(returned.updated_at).toBe(before!.updatedAt!.toISOString());
    expect(await storedCustomer(customer.id)).toEqual(before);
    expect(await eventsOf(customer.id)).toEqual([]);
  });

  it("a PUT that changes one thing among unchanged ones still writes it and moves updated_at", async () => {
    const customer = await customerFor(user, { name: "Moving", status: "live", info: INITIAL_INFO });
    const before = await storedCustomer(customer.id);
    const updated = await put(customer.id, { name: "Moving", status: "live", info: { vertical: "Energy" } });
    expect(updated.info).toMatchObject({ vertical: "Energy" });
    expect(new Date(updated.updated_at!).getTime()).toBeGreaterThan(before!.updatedAt!.getTime());
  });
});

describe("status changes are recorded in customer_events", () => {
  it('a status change via PUT records "Status changed from Lead to Prospect"', async () => {
    const customer = await customerFor(user, { name: "Pipeline", status: "lead", info: {} });
    const updated = await put(customer.id, { status: "prospect", info: { vertical: "Media" } });
    expect(updated.status).toBe("prospect");
    expect(await eventsOf(customer.id)).toEqual([
      {
        eventType: "status_change",
        title: "Status changed from Lead to Prospect",
        metadata: { from: "lead", to: "prospect" },
      },
    ]);
  });

  it("PUT without a status change, or with the same status, records nothing", async () => {
    const customer = await customerFor(user, { name: "Quiet", status: "on_hold", info: {} });
    await put(customer.id, { name: "Still quiet" });
    await put(customer.id, { status: "on_hold" });
    await put(customer.id, { info: { vertical: "Energy" } });
    expect(await eventsOf(customer.id)).toEqual([]);
  });

  it("PATCH /status records the change with human labels", async () => {
    const customer = await customerFor(user, { name: "Labels", status: "negotiation", info: {} });
    const response = await api("PATCH", `/api/customers/${customer.id}/status`, {
      cookie: user.cookie,
      body: { status: "on_hold" },
    });
    expect(response.status).toBe(200);
    expect((await eventsOf(customer.id)).map((event) => event.title)).toEqual([
      "Status changed from Negotiation to On hold",
    ]);
  });
});
