import { InfoTooLargeError, createCustomer, getCustomer, updateCustomer, updateStatus } from "~/customers/customers.server";
import { CreateCustomerApiSchema, type InfoPatch } from "~/customers/schemas";
import { STATUS_LABELS } from "~/customers/constants";
import { ownerPrisma as prisma } from "../setup/owner";
import { insertUser } from "../../prisma/factories";

/** Creating and updating one customer: defaults, info merge patch, status events, atomicity, concurrency. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let userId: string;

beforeAll(async () => {
  userId = (await insertUser(prisma(), { email: `crud-${Date.now()}@example.com`, name: "Crud" })).id;
});

const eventsOf = (customerId: string) =>
  prisma().customerEvent.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("Create customer with minimal fields (name only)", () => {
  it("gets the defaults: status lead, empty info, timestamps, owned by the user", async () => {
    const input = CreateCustomerApiSchema.parse({ name: "  Minimal Co  " });
    const before = Date.now();
    const customer = await createCustomer(userId, input);
    expect(customer.id).toMatch(UUID);
    expect(customer).toMatchObject({ userId, name: "Minimal Co", status: "lead", info: {}, deletedAt: null });
    expect(customer.createdAt!.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(customer.updatedAt!.getTime()).toBe(customer.createdAt!.getTime());
    expect(await getCustomer({ userId, customerId: customer.id })).toEqual(customer);
    expect(await eventsOf(customer.id)).toEqual([]);
  });

  it("the schema refuses a missing or blank name", () => {
    expect(CreateCustomerApiSchema.safeParse({}).success).toBe(false);
    expect(CreateCustomerApiSchema.safeParse({ name: "   " }).success).toBe(false);
  });
});

describe("Create customer with full info", () => {
  it("stores every field, keeps unknown keys, gives team members ids and drops nulls", async () => {
    const info = {
      about: "Makes anvils",
      vertical: "Manufacturing",
      persona: "Head of Operations",
      icp: "Enterprise",
      product: { name: "Anvil Cloud", stage: "growth", category: "SaaS", description: "Anvils as a service", url: "https://anvil.example.com", extra: 1 },
      team: [
        { name: "Wile E.", role: "CEO", email: "wile@example.com" },
        { name: "Road Runner", notes: "Fast" },
      ],
      custom: { deeply: ["kept"] },
      persona2: null,
    };
    const input = CreateCustomerApiSchema.parse({ name: "Acme Corp", status: "negotiation", info });
    const customer = await createCustomer(userId, input);
    expect(customer.status).toBe("negotiation");
    const stored = customer.info as Record<string, unknown> & { team: Array<Record<string, unknown>> };
    const { persona2: _dropped, team, ...rest } = info;
    expect(stored).toMatchObject(rest);
    expect(stored).not.toHaveProperty("persona2");
    expect(stored.team).toHaveLength(2);
    expect(stored.team.map(({ id: _id, ...member }) => member)).toEqual(team);
    for (const member of stored.team) expect(member.id).toMatch(UUID);
    expect(new Set(stored.team.map((member) => member.id)).size).toBe(2);
    expect((await getCustomer({ userId, customerId: customer.id }))!.info).toEqual(stored);
  });

  it("refuses info larger than the database allows with InfoTooLargeError, storing nothing", async () => {
    const count = await prisma().customer.count({ where: { userId } });
    await expect(createCustomer(userId, { name: "Huge", info: { about: "x".repeat(140_000) } })).rejects.toBeInstanceOf(InfoTooLargeError);
    expect(await prisma().customer.count({ where: { userId } })).toBe(count);
  });
});

describe("Update customer info (partial update)", () => {
  let customerId: string;

  beforeEach(async () => {
    customerId = (
      await createCustomer(userId, {
        name: "Patch Co",
        info: {
          about: "About",
          vertical: "Retail",
          persona: "CFO",
          product: { name: "Shop", stage: "mvp", url: "https://shop.example.com" },
          team: [{ name: "Ann" }],
          custom: { a: 1, b: 2 },
        },
      })
    ).id;
  });

  it("keeps keys not sent, merges nested product, removes keys sent as null", async () => {
    const updated = await updateCustomer({ userId, customerId, changes: {
      info: { vertical: "Fintech", persona: null, product: { stage: "growth", url: null }, custom: { b: null, c: 3 } },
    } });
    expect(updated!.info).toEqual({
      about: "About",
      vertical: "Fintech",
      product: { name: "Shop", stage: "growth" },
      team: [{ name: "Ann", id: expect.stringMatching(UUID) }],
      custom: { a: 1, c: 3 },
    });
    expect((await getCustomer({ userId, customerId }))!.info).toEqual(updated!.info);
  });

  it("replaces arrays as a whole and removes a whole object with null", async () => {
    const updated = await updateCustomer({ userId, customerId, changes: { info: { team: [{ name: "Bob" }], product: null } } });
    const info = updated!.info as InfoPatch & { team: Array<{ name: string; id: string }> };
    expect(info.team.map((member) => member.name)).toEqual(["Bob"]);
    expect(info.team[0]!.id).toMatch(UUID);
    expect(info).not.toHaveProperty("product");
    expect(info.about).toBe("About");
  });

  it("changes only the name when only the name is sent, and moves updated_at", async () => {
    const before = (await getCustomer({ userId, customerId }))!;
    await new Promise((resolve) => setTimeout(resolve, 15));
    const updated = await updateCustomer({ userId, customerId, changes: { name: "Renamed Co" } });
    expect(updated).toMatchObject({ name: "Renamed Co", status: before.status, info: before.info });
    expect(updated!.updatedAt!.getTime()).toBeGreaterThan(before.updatedAt!.getTime());
    expect(updated!.createdAt).toEqual(before.createdAt);
    expect(await eventsOf(customerId)).toEqual([]);
  });

  it("an empty update changes nothing and writes no event", async () => {
    const before = (await getCustomer({ userId, customerId }))!;
    const updated = await updateCustomer({ userId, customerId, changes: {} });
    expect(updated).toMatchObject({ name: before.name, status: before.status, info: before.info });
    expect(await eventsOf(customerId)).toEqual([]);
  });

  it("returns null for an unknown or malformed id", async () => {
    expect(await updateCustomer({ userId, customerId: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", changes: { name: "x" } })).toBeNull();
    expect(await updateCustomer({ userId, customerId: "not-a-uuid", changes: { name: "x" } })).toBeNull();
  });
});

describe("Update customer status", () => {
  it("writes exactly one 'Status changed from Lead to Prospect' event with {from, to}", async () => {
    const customer = await createCustomer(userId, { name: "Status Co" });
    const updated = await updateStatus({ userId, customerId: customer.id, status: "prospect" });
    expect(updated!.status).toBe("prospect");
    expect((await getCustomer({ userId, customerId: customer.id }))!.status).toBe("prospect");
    const events = await eventsOf(customer.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "status_change",
      title: `Status changed from ${STATUS_LABELS.lead} to ${STATUS_LABELS.prospect}`,
      metadata: { from: "lead", to: "prospect" },
    });
    expect(events[0]!.title).toBe("Status changed from Lead to Prospect");
  });

  it("each change adds its own event, labelled by the statuses' names", async () => {
    const customer = await createCustomer(userId, { name: "Journey Co", status: "live" });
    await updateCustomer({ userId, customerId: customer.id, changes: { status: "on_hold", name: "Journey Co 2" } });
    await updateStatus({ userId, customerId: customer.id, status: "archive" });
    const events = await eventsOf(customer.id);
    expect(events.map((event) => event.title).sort()).toEqual(
      ["Status changed from Live to On hold", "Status changed from On hold to Archive"].sort(),
    );
  });

  it("setting the same status writes no event", async () => {
    const customer = await createCustomer(userId, { name: "Same Co", status: "negotiation" });
    const updated = await updateStatus({ userId, customerId: customer.id, status: "negotiation" });
    expect(updated!.status).toBe("negotiation");
    await updateCustomer({ userId, customerId: customer.id, changes: { status: "negotiation", info: { about: "x" } } });
    expect(await eventsOf(customer.id)).toEqual([]);
  });

  it("a failure in the middle leaves neither half: status, info and events unchanged", async () => {
    const customer = await createCustomer(userId, { name: "Atomic Co", info: { about: "small" } });
    await expect(
      updateCustomer({ userId, customerId: customer.id, changes: { status: "live", info: { about: "x".repeat(140_000) } } }),
    ).rejects.toBeInstanceOf(InfoTooLargeError);
    const after = await getCustomer({ userId, customerId: customer.id });
    expect(after).toMatchObject({ status: "lead", info: { about: "small" } });
    expect(await eventsOf(customer.id)).toEqual([]);
    // And the customer is still perfectly updatable afterwards.
    expect((await updateStatus({ userId, customerId: customer.id, status: "live" }))!.status).toBe("live");
    expect(await eventsOf(customer.id)).toHaveLength(1);
  });
});

describe("concurrent updates", () => {
  it("20 concurrent updates of different info keys all survive", async () => {
    const customer = await createCustomer(userId, { name: "Busy Co", info: { base: true } });
    const keys = Array.from({ length: 20 }, (_, index) => `key${index}`);
    const results = await Promise.all(keys.map((key, index) => updateCustomer({ userId, customerId: customer.id, changes: { info: { [key]: index } } })));
    expect(results.every((result) => result !== null)).toBe(true);
    const info = (await getCustomer({ userId, customerId: customer.id }))!.info as Record<string, unknown>;
    expect(info).toEqual({ base: true, ...Object.fromEntries(keys.map((key, index) => [key, index])) });
  });

  it("concurrent status changes each record the transition they really made", async () => {
    const customer = await createCustomer(userId, { name: "Race Co" });
    const targets = ["prospect", "negotiation", "live", "on_hold"] as const;
    await Promise.all(targets.map((status) => updateStatus({ userId, customerId: customer.id, status })));
    const events = await eventsOf(customer.id);
    expect(events).toHaveLength(targets.length);
    // The transitions chain: each starts where another ended, from lead to the final status.
    const transitions = events.map((event) => event.metadata as { from: string; to: string });
    const final = (await getCustomer({ userId, customerId: customer.id }))!.status;
    const froms = transitions.map((t) => t.from).sort();
    const tos = transitions.map((t) => t.to).sort();
    expect([...tos.filter((to) => to !== final), "lead"].sort()).toEqual(froms);
    expect(tos).toEqual([...targets].sort());
  });
});
