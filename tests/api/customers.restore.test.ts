import { ownerPrisma as prisma } from "../setup/owner";
import {
  api,
  customerFor,
  daysAgo,
  jsonOf,
  signedInUser,
  storedCustomer,
  type CustomerBody,
  type ErrorBody,
  type ListBody,
  type TestUser,
} from "./helpers";
import { DAY_MS } from "../support/db";

// A soft-deleted customer can come back for 30 days; after that it is gone
// for good (409, so a client can tell "too late" from "never existed").

let user: TestUser;

beforeAll(async () => {
  user = await signedInUser();
});

async function archivedCustomer(deletedAt: Date) {
  const customer = await customerFor(user, { name: "Archived", status: "negotiation", info: { vertical: "Media" } });
  await prisma().customer.update({ where: { id: customer.id }, data: { deletedAt } });
  return customer;
}

function restore(id: string) {
  return api("POST", `/api/customers/${id}/restore`, { cookie: user.cookie });
}

describe("POST /api/customers/:id/restore", () => {
  it("200 with the customer after a DELETE through the API, and it is back in every read", async () => {
    const customer = await customerFor(user, { name: "Round trip", status: "live", info: { vertical: "Energy" } });
    expect((await api("DELETE", `/api/customers/${customer.id}`, { cookie: user.cookie })).status).toBe(200);

    const response = await restore(customer.id);
    expect(response.status).toBe(200);
    const { customer: restored } = await jsonOf<CustomerBody>(response);
    expect(restored).toMatchObject({ id: customer.id, name: "Round trip", status: "live", info: { vertical: "Energy" } });
    expect(restored).not.toHaveProperty("deleted_at");
    expect((await storedCustomer(customer.id))!.deletedAt).toBeNull();

    expect((await api("GET", `/api/customers/${customer.id}`, { cookie: user.cookie })).status).toBe(200);
    const list = await jsonOf<ListBody>(await api("GET", "/api/customers?limit=100", { cookie: user.cookie }));
    expect(list.customers.map((item) => item.id)).toContain(customer.id);
  });

  it("200 within the window, up to its last day", async () => {
    for (const deletedAt of [daysAgo(1), daysAgo(29), new Date(Date.now() - 30 * DAY_MS + 60_000)]) {
      const customer = await archivedCustomer(deletedAt);
      const response = await restore(customer.id);
      expect(response.status, deletedAt.toISOString()).toBe(200);
    }
  });

  it("409 restore_window_expired when deleted_at is older than 30 days, and the row stays archived", async () => {
    for (const deletedAt of [daysAgo(31), daysAgo(365), new Date(Date.now() - 30 * DAY_MS - 60_000)]) {
      const customer = await archivedCustomer(deletedAt);
      const before = await storedCustomer(customer.id);
      const response = await restore(customer.id);
      expect(response.status, deletedAt.toISOString()).toBe(409);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "restore_window_expired" });
      expect(await storedCustomer(customer.id)).toEqual(before);
    }
  });

  it("an expired customer of another user is a 404, not a 409", async () => {
    const customer = await archivedCustomer(daysAgo(45));
    const intruder = await signedInUser();
    const response = await api("POST", `/api/customers/${customer.id}/restore`, { cookie: intruder.cookie });
    expect(response.status).toBe(404);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "not_found" });
  });

  it("a second restore is a 404: the customer is no longer archived", async () => {
    const customer = await archivedCustomer(daysAgo(2));
    expect((await restore(customer.id)).status).toBe(200);
    const again = await restore(customer.id);
    expect(again.status).toBe(404);
    expect(await jsonOf<ErrorBody>(again)).toEqual({ error: "not_found" });
  });
});
