import { ownerPrisma as prisma } from "../setup/owner";
import { listAgreements } from "~/agreements/agreements.server";
import { getOverview } from "~/customers/overview.server";
import { listProjects } from "~/projects/projects.server";
import { listReceivables } from "~/receivables/receivables.server";
import { insertCommercials, insertEvents } from "../../prisma/factories";
import {
  api,
  customerFor,
  jsonOf,
  signedInUser,
  storedCustomer,
  type CustomerBody,
  type ErrorBody,
  type ListBody,
  type TestUser,
} from "./helpers";

// The spec's integration "Key scenarios", each through the real route handlers.

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await signedInUser();
  bob = await signedInUser();
});

const CUSTOMER_KEYS = ["created_at", "id", "info", "name", "status", "updated_at", "user_id"];

describe("JSON API key scenarios", () => {
  it("POST /api/customers → 201 with created customer", async () => {
    const response = await api("POST", "/api/customers", {
      cookie: alice.cookie,
      body: {
        name: "  Acme Health  ",
        status: "prospect",
        info: { vertical: "Healthcare", product: { name: "Acme One", url: "https://acme.example.com" }, tier: "gold" },
      },
    });
    expect(response.status).toBe(201);
    const { customer } = await jsonOf<CustomerBody>(response);
    expect(Object.keys(customer).sort()).toEqual(CUSTOMER_KEYS);
    expect(customer).toMatchObject({
      user_id: alice.id,
      name: "Acme Health",
      status: "prospect",
      info: { vertical: "Healthcare", product: { name: "Acme One", url: "https://acme.example.com" }, tier: "gold" },
    });
    expect(new Date(customer.created_at!).toISOString()).toBe(customer.created_at);

    const stored = await storedCustomer(customer.id);
    expect(stored).toMatchObject({ userId: alice.id, name: "Acme Health", status: "prospect", deletedAt: null });

    const minimal = await api("POST", "/api/customers", { cookie: alice.cookie, body: { name: "Bare" } });
    expect(minimal.status).toBe(201);
    expect((await jsonOf<CustomerBody>(minimal)).customer).toMatchObject({ name: "Bare", status: "lead", info: {} });
  });

  it("GET /api/customers → 200 with user's customers only", async () => {
    const user = await signedInUser();
    const other = await signedInUser();
    const mine = await Promise.all([customerFor(user, { name: "Mine A" }), customerFor(user, { name: "Mine B" })]);
    await customerFor(other, { name: "Not mine" });
    const archived = await customerFor(user, { name: "Mine but archived" });
    await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });

    const response = await api("GET", "/api/customers", { cookie: user.cookie });
    expect(response.status).toBe(200);
    const body = await jsonOf<ListBody>(response);
    expect(Object.keys(body).sort()).toEqual(["customers", "next_cursor"]);
    expect(body.customers.map((customer) => customer.id).sort()).toEqual(mine.map((customer) => customer.id).sort());
    expect(body.customers.every((customer) => customer.user_id === user.id)).toBe(true);
    expect(Object.keys(body.customers[0]!).sort()).toEqual(CUSTOMER_KEYS);
    expect(body.next_cursor).toBeNull();
  });

  it("GET /api/customers/:id → 200 for own, 404 for others", async () => {
    const own = await customerFor(alice, { name: "Own", status: "live", info: { vertical: "Retail", custom: [1, 2] } });
    const response = await api("GET", `/api/customers/${own.id}`, { cookie: alice.cookie });
    expect(response.status).toBe(200);
    expect((await jsonOf<CustomerBody>(response)).customer).toEqual({
      id: own.id,
      user_id: alice.id,
      name: "Own",
      status: "live",
      info: { vertical: "Retail", custom: [1, 2] },
      created_at: own.createdAt!.toISOString(),
      updated_at: own.updatedAt!.toISOString(),
    });

    const foreign = await api("GET", `/api/customers/${own.id}`, { cookie: bob.cookie });
    expect(foreign.status).toBe(404);
    expect(await jsonOf<ErrorBody>(foreign)).toEqual({ error: "not_found" });
  });

  it("PUT /api/customers/:id → 200 with updated data", async () => {
    const customer = await customerFor(alice, {
      name: "Before",
      status: "lead",
      info: { vertical: "Retail", product: { name: "Old", stage: "idea" } },
    });
    const response = await api("PUT", `/api/customers/${customer.id}`, {
      cookie: alice.cookie,
      body: { name: "After", status: "negotiation", info: { product: { name: "New" }, persona: "CTO" } },
    });
    expect(response.status).toBe(200);
    const { customer: updated } = await jsonOf<CustomerBody>(response);
    expect(updated).toMatchObject({
      id: customer.id,
      name: "After",
      status: "negotiation",
      info: { vertical: "Retail", persona: "CTO", product: { name: "New", stage: "idea" } },
    });
    expect(new Date(updated.updated_at!).getTime()).toBeGreaterThanOrEqual(customer.updatedAt!.getTime());

    const reread = await api("GET", `/api/customers/${customer.id}`, { cookie: alice.cookie });
    expect((await jsonOf<CustomerBody>(reread)).customer).toEqual(updated);
  });

  it("PATCH /api/customers/:id/status → 200 with new status", async () => {
    const customer = await customerFor(alice, { status: "negotiation", info: { vertical: "Media" } });
    const response = await api("PATCH", `/api/customers/${customer.id}/status`, {
      cookie: alice.cookie,
      body: { status: "live" },
    });
    expect(response.status).toBe(200);
    expect((await jsonOf<CustomerBody>(response)).customer).toMatchObject({
      id: customer.id,
      name: customer.name,
      status: "live",
      info: { vertical: "Media" },
    });
    expect(await storedCustomer(customer.id)).toMatchObject({ status: "live" });
    const events = await prisma().customerEvent.findMany({ where: { customerId: customer.id } });
    expect(events.map((event) => event.title)).toEqual(["Status changed from Negotiation to Live"]);
  });

  it("DELETE /api/customers/:id → 200, verify cascade", async () => {
    const customer = await customerFor(alice, { name: "Doomed", status: "live" });
    await insertEvents(prisma(), customer, 3);
    const agreement = await insertCommercials(prisma(), customer);
    const project = await prisma().project.findFirstOrThrow({ where: { customerId: customer.id } });
    await prisma().artifact.create({ data: { projectId: project.id, userId: customer.userId, customerId: customer.id, title: "Brief" } });
    expect(await listAgreements({ userId: alice.id, customerId: customer.id })).toHaveLength(1);

    const response = await api("DELETE", `/api/customers/${customer.id}`, { cookie: alice.cookie });
    expect(response.status).toBe(200);
    const { customer: deleted } = await jsonOf<CustomerBody>(response);
    expect(deleted).toMatchObject({ id: customer.id, name: "Doomed", status: "live" });
    expect(Object.keys(deleted).sort()).toEqual([...CUSTOMER_KEYS, "deleted_at"].sort());
    expect(Date.now() - new Date(deleted.deleted_at!).getTime()).toBeLessThan(60_000);

    // Gone from every read of the API…
    const byId = await api("GET", `/api/customers/${customer.id}`, { cookie: alice.cookie });
    expect(byId.status).toBe(404);
    expect(await jsonOf<ErrorBody>(byId)).toEqual({ error: "not_found" });
    const list = await jsonOf<ListBody>(await api("GET", "/api/customers?limit=100", { cookie: alice.cookie }));
    expect(list.customers.map((item) => item.id)).not.toContain(customer.id);
    const live = await jsonOf<ListBody>(await api("GET", "/api/customers?status=live&q=Doomed", { cookie: alice.cookie }));
    expect(live.customers).toEqual([]);
    for (const [method, path, body] of [
      ["PATCH", `/api/customers/${customer.id}/status`, { status: "lead" }],
      ["PUT", `/api/customers/${customer.id}`, { name: "Back from the dead" }],
      ["DELETE", `/api/customers/${customer.id}`, undefined],
    ] as const) {
      const again = await api(method, path, { cookie: alice.cookie, body });
      expect(again.status, `${method} ${path}`).toBe(404);
    }

    // …and so is everything under it, from every domain read.
    expect(await getOverview({ userId: alice.id, customerId: customer.id })).toBeNull();
    expect(await listAgreements({ userId: alice.id, customerId: customer.id })).toEqual([]);
    expect(await listReceivables({ userId: alice.id, customerId: customer.id })).toEqual([]);
    expect(await listProjects({ userId: alice.id, customerId: customer.id })).toEqual([]);

    // A soft delete: the rows are kept, untouched, so a restore brings them all back.
    const stored = await storedCustomer(customer.id);
    expect(stored).toMatchObject({ name: "Doomed", status: "live" });
    expect(stored!.deletedAt!.toISOString()).toBe(deleted.deleted_at);
    expect(await prisma().customerEvent.count({ where: { customerId: customer.id } })).toBe(3);
    expect(await prisma().agreement.count({ where: { id: agreement.id } })).toBe(1);
    expect(await prisma().receivable.count({ where: { customerId: customer.id } })).toBe(2);
    expect(await prisma().artifact.count({ where: { customerId: customer.id } })).toBe(1);
  });
});
