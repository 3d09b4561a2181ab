import { InfoTooLargeError, updateCustomer, updateStatus } from "~/customers/customers.server";
import { api } from "../api/helpers";
import { ownerPrisma } from "../setup/owner";
import { customerState, eventFault, expectServerError, newCustomer, withFault, type User } from "./helpers";
import { signedUpUser } from "../auth-helpers";

/**
 * A status change is two writes, the customer row and its "Status changed"
 * event: both or neither. A fault injected between them (a trigger on
 * customer_events, installed by the table owner) must leave the customer
 * exactly as it was, whether the write came through the domain functions or
 * the JSON API, whether it fails at the insert or only at COMMIT, and without
 * disturbing other writes running at the same time.
 */

let user: User;

beforeAll(async () => {
  user = await signedUpUser();
});

const INFO = { about: "Before", product: { name: "One" } };

describe("a failure between the status change and its event leaves neither", () => {
  it("updateStatus: the event insert fails, the status stays and no event is written", async () => {
    const customer = await newCustomer(user.id, { name: "Fault status", status: "lead", info: INFO });
    const before = await customerState(customer.id);
    await withFault(eventFault(customer.id), async () => {
      await expect(updateStatus({ userId: user.id, customerId: customer.id, status: "prospect" })).rejects.toThrow(/injected fault/);
      expect(await customerState(customer.id)).toEqual(before);
      // The fault hits only the event: a write that records none still goes through.
      const renamed = await updateCustomer({ userId: user.id, customerId: customer.id, changes: { name: "Fault status, renamed" } });
      expect(renamed).toMatchObject({ name: "Fault status, renamed", status: "lead" });
    });
    // With the fault gone the same change succeeds, with its one event.
    expect(await updateStatus({ userId: user.id, customerId: customer.id, status: "prospect" })).toMatchObject({ status: "prospect" });
    const after = await customerState(customer.id);
    expect(after.events.map((event) => event.title)).toEqual(["Status changed from Lead to Prospect"]);
  });

  it("updateCustomer with name, status and info: none of the three is written", async () => {
    const customer = await newCustomer(user.id, { name: "Fault all", status: "negotiation", info: INFO });
    const before = await customerState(customer.id);
    await withFault(eventFault(customer.id), async () => {
      await expect(
        updateCustomer({ userId: user.id, customerId: customer.id, changes: { name: "Half written?", status: "live", info: { about: "After", extra: 1 } } }),
      ).rejects.toThrow(/injected fault/);
    });
    expect(await customerState(customer.id)).toEqual(before);
  });

  it("the same through the API: PATCH /status and PUT fail, and a GET still shows the old customer", async () => {
    const customer = await newCustomer(user.id, { name: "Fault API", status: "live", info: INFO });
    const before = await customerState(customer.id);
    await withFault(eventFault(customer.id), async () => {
      const patch = await expectServerError(
        api("PATCH", `/api/customers/${customer.id}/status`, { cookie: user.cookie, body: { status: "on_hold" } }),
      );
      const put = await expectServerError(
        api("PUT", `/api/customers/${customer.id}`, {
          cookie: user.cookie,
          body: { name: "Half written?", status: "archive", info: { about: "After" } },
        }),
      );
      console.log(`fault via API: PATCH /status → ${patch}; PUT → ${put}`);
      expect(await customerState(customer.id)).toEqual(before);
      const response = await api("GET", `/api/customers/${customer.id}`, { cookie: user.cookie });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { customer: unknown }).customer).toMatchObject({
        name: "Fault API",
        status: "live",
        info: INFO,
      });
    });
  });

  it("a failure only at COMMIT (a deferred constraint trigger) also leaves neither, and is reported as a failure", async () => {
    const customer = await newCustomer(user.id, { name: "Fault at commit", status: "prospect", info: INFO });
    const before = await customerState(customer.id);
    const outcomes = await withFault(eventFault(customer.id, { atCommit: true }), async () => {
      const domain = await updateStatus({ userId: user.id, customerId: customer.id, status: "negotiation" }).then(
        (row) => `resolved with status ${row?.status}`,
        (error: unknown) => `rejected: ${String(error)}`,
      );
      expect(await customerState(customer.id)).toEqual(before);
      const response = await api("PUT", `/api/customers/${customer.id}`, {
        cookie: user.cookie,
        body: { status: "live", info: { about: "After" } },
      }).then(
        (answer) => `HTTP ${answer.status}`,
        (error: unknown) => `threw: ${String(error)}`,
      );
      expect(await customerState(customer.id)).toEqual(before);
      return { domain, api: response };
    });
    // Nothing was saved, so nobody may be told it was.
    expect(outcomes).toEqual({
      domain: expect.stringMatching(/^rejected: .*injected fault/s) as unknown,
      api: expect.stringMatching(/^(HTTP 5\d\d|threw: .*injected fault)/s) as unknown,
    });
    // And the database is still fine for the next write.
    expect(await updateStatus({ userId: user.id, customerId: customer.id, status: "negotiation" })).toMatchObject({ status: "negotiation" });
  });

  it("a failure in the first step (the merged info outgrows the database's limit) writes no event either", async () => {
    const customer = await newCustomer(user.id, { name: "Too big", status: "lead", info: { a: "x".repeat(60_000) } });
    await updateCustomer({ userId: user.id, customerId: customer.id, changes: { info: { b: "y".repeat(60_000) } } });
    const before = await customerState(customer.id);
    await expect(
      updateCustomer({ userId: user.id, customerId: customer.id, changes: { status: "live", info: { c: "z".repeat(60_000) } } }),
    ).rejects.toBeInstanceOf(InfoTooLargeError);
    expect(await customerState(customer.id)).toEqual(before);
  });

  it("failing writes on one customer, concurrent with good writes on it and on another, disturb nothing", async () => {
    const faulty = await newCustomer(user.id, { name: "Faulty", status: "lead", info: {} });
    const healthy = await newCustomer(user.id, { name: "Healthy", status: "lead", info: {} });
    const before = await customerState(faulty.id);
    const statuses = ["prospect", "negotiation", "live", "on_hold", "archive"] as const;
    await withFault(eventFault(faulty.id), async () => {
      const settled = await Promise.allSettled(
        Array.from({ length: 30 }, (_, index) => {
          const status = statuses[index % statuses.length]!;
          switch (index % 3) {
            case 0:
              return updateCustomer({ userId: user.id, customerId: faulty.id, changes: { status, info: { [`lost_${index}`]: index } } });
            case 1:
              return updateCustomer({ userId: user.id, customerId: faulty.id, changes: { info: { [`kept_${index}`]: index } } });
            default:
              return updateCustomer({ userId: user.id, customerId: healthy.id, changes: { status, info: { [`kept_${index}`]: index } } });
          }
        }),
      );
      const outcome = settled.map((result, index) => `${index % 3}:${result.status}`);
      expect(outcome).toEqual(settled.map((_, index) => `${index % 3}:${index % 3 === 0 ? "rejected" : "fulfilled"}`));
    });

    const faultyAfter = await customerState(faulty.id);
    expect(faultyAfter.customer.status).toBe(before.customer.status);
    expect(faultyAfter.events).toEqual([]);
    const faultyInfo = faultyAfter.customer.info as Record<string, number>;
    const expectedKept = Array.from({ length: 30 }, (_, index) => index).filter((index) => index % 3 === 1);
    expect(faultyInfo).toEqual(Object.fromEntries(expectedKept.map((index) => [`kept_${index}`, index])));

    const healthyAfter = await ownerPrisma().customer.findUniqueOrThrow({ where: { id: healthy.id } });
    const healthyInfo = healthyAfter.info as Record<string, number>;
    const expectedHealthy = Array.from({ length: 30 }, (_, index) => index).filter((index) => index % 3 === 2);
    expect(healthyInfo).toEqual(Object.fromEntries(expectedHealthy.map((index) => [`kept_${index}`, index])));
    const healthyEvents = await ownerPrisma().customerEvent.findMany({ where: { customerId: healthy.id } });
    expect(healthyEvents.length).toBeGreaterThan(0);
    // The events chain from the first status to the stored one: every status is
    // left as often as it is entered, except where the chain starts and ends.
    const balance = new Map<string, number>();
    for (const event of healthyEvents) {
      const { from, to } = event.metadata as { from: string; to: string };
      expect(from).not.toBe(to);
      balance.set(from, (balance.get(from) ?? 0) - 1);
      balance.set(to, (balance.get(to) ?? 0) + 1);
    }
    balance.set("lead", (balance.get("lead") ?? 0) + 1);
    balance.set(healthyAfter.status, (balance.get(healthyAfter.status) ?? 0) - 1);
    expect([...balance.values()].every((count) => count === 0)).toBe(true);
  });
});
