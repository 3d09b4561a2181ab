import { randomUUID } from "node:crypto";
import { getAgreement, listAgreements, readAgreement } from "~/agreements/agreements.server";
import {
  createAgreement,
  deleteAgreement,
  renewAgreement,
  resumeAgreement,
  suspendAgreement,
  terminateAgreement,
  updateAgreement,
} from "~/agreements/lifecycle.server";
import { CreateAgreementApiSchema, pricingAfterPatch, TerminateApiSchema, UpdateAgreementApiSchema, type AgreementInput } from "~/agreements/schemas";
import { archiveCustomer } from "~/customers/archive.server";
import { asUser } from "~/db/scope.server";
import { eventFault, withFault } from "../reliability/helpers";
import { ownerPrisma } from "../setup/owner";
import { newTenant, type Tenant } from "../support/db";

/**
 * The agreement domain functions called directly (no HTTP): their outcomes,
 * all-or-nothing writes, and the tenant wall underneath them — row-level
 * security as the app's role, with the app's own filters out of the way.
 */

const INPUT: AgreementInput = {
  scope: "Discovery",
  type: "fixed_fee",
  startDate: "2026-01-01",
  endDate: "2026-03-31",
  noticeDays: 30,
  pricing: { amount: "9000.00" },
};

const tenant = newTenant;

async function agreementOf(owner: Tenant, input: Partial<AgreementInput> = {}) {
  const row = await createAgreement({ ...owner, input: { ...INPUT, ...input } });
  expect(row).not.toBeNull();
  return row!;
}

async function stored(agreementId: string) {
  return ownerPrisma().agreement.findUnique({ where: { id: agreementId } });
}

async function eventCount(customerId: string) {
  return ownerPrisma().customerEvent.count({ where: { customerId } });
}

let alice: Tenant;
let bob: Tenant;

beforeAll(async () => {
  alice = await tenant("alice");
  bob = await tenant("bob");
});

describe("createAgreement", () => {
  it("creates under the user's live customer, with the computed columns", async () => {
    const row = await agreementOf(alice);
    expect(row).toMatchObject({ customerId: alice.customerId, scope: "Discovery", type: "fixed_fee", status: "expired", billed: "0.00", renewalOf: null });
    expect(await getAgreement({ userId: alice.userId, agreementId: row.id })).toEqual(row);
  });

  it("creates nothing for another user's customer, an archived one, or a malformed id", async () => {
    const archived = await tenant("archived");
    await archiveCustomer(archived);
    const before = await ownerPrisma().agreement.count();
    expect(await createAgreement({ userId: alice.userId, customerId: bob.customerId, input: INPUT })).toBeNull();
    expect(await createAgreement({ ...archived, input: INPUT })).toBeNull();
    expect(await createAgreement({ userId: alice.userId, customerId: "nope", input: INPUT })).toBeNull();
    expect(await createAgreement({ userId: "nope", customerId: alice.customerId, input: INPUT })).toBeNull();
    expect(await ownerPrisma().agreement.count()).toBe(before);
  });

  it("writes no timeline event (only the lifecycle actions do)", async () => {
    const before = await eventCount(alice.customerId);
    await agreementOf(alice);
    expect(await eventCount(alice.customerId)).toBe(before);
  });
});

describe("every action on an agreement the user cannot reach is not_found, and writes nothing", () => {
  const ACTIONS = {
    update: (ref: { userId: string; agreementId: string }) => updateAgreement({ ...ref, patch: { scope: "Hijacked" } }),
    terminate: (ref: { userId: string; agreementId: string }) => terminateAgreement({ ...ref, reason: "Hijacked" }),
    suspend: suspendAgreement,
    resume: resumeAgreement,
    renew: renewAgreement,
    delete: deleteAgreement,
  };

  it.each(Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>)("%s", async (name) => {
    const target = await agreementOf(bob);
    const archived = await tenant("archived");
    const hidden = await agreementOf(archived);
    await archiveCustomer(archived);
    const before = await ownerPrisma().agreement.findMany({ orderBy: { id: "asc" } });
    const events = await ownerPrisma().customerEvent.count();
    for (const ref of [
      { userId: alice.userId, agreementId: target.id },
      { userId: archived.userId, agreementId: hidden.id },
      { userId: alice.userId, agreementId: randomUUID() },
      { userId: alice.userId, agreementId: "not-a-uuid" },
      { userId: "not-a-uuid", agreementId: target.id },
    ]) {
      expect(await ACTIONS[name](ref)).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await ownerPrisma().agreement.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await ownerPrisma().customerEvent.count()).toBe(events);
    expect(await getAgreement({ userId: alice.userId, agreementId: target.id })).toBeNull();
    expect(await listAgreements({ userId: alice.userId, customerId: bob.customerId })).toEqual([]);
  });
});

describe("outcomes", () => {
  it("a refused action is a conflict with a message, and changes nothing", async () => {
    const row = await agreementOf(alice, { endDate: null });
    const before = await stored(row.id);
    const events = await eventCount(alice.customerId);
    expect(await resumeAgreement({ userId: alice.userId, agreementId: row.id })).toEqual({ ok: false, reason: "conflict", message: "This agreement is not suspended." });
    expect(await renewAgreement({ userId: alice.userId, agreementId: row.id })).toMatchObject({ ok: false, reason: "conflict" });
    expect(await terminateAgreement({ userId: alice.userId, agreementId: row.id, date: "2025-12-31" })).toMatchObject({ ok: false, reason: "conflict" });
    expect(await stored(row.id)).toEqual(before);
    expect(await eventCount(alice.customerId)).toBe(events);
  });

  it("an invalid update is `invalid` with the API's field keys", async () => {
    const row = await agreementOf(alice);
    expect(await updateAgreement({ userId: alice.userId, agreementId: row.id, patch: { type: "hourly" } })).toEqual({
      ok: false,
      reason: "invalid",
      issues: { "pricing.rate": ["Rate is required"] },
    });
    expect(await updateAgreement({ userId: alice.userId, agreementId: row.id, patch: { end_date: "2025-01-01" } })).toEqual({
      ok: false,
      reason: "invalid",
      issues: { end_date: ["End date cannot be before the start date"] },
    });
  });

  it("a blank termination reason is stored as none", async () => {
    const row = await agreementOf(alice, { endDate: null });
    // What the API's schema hands over for a reason of spaces: trimmed, empty.
    const { reason } = TerminateApiSchema.parse({ reason: "   " });
    expect(reason).toBe("");
    const result = await terminateAgreement({ userId: alice.userId, agreementId: row.id, date: "2026-02-01", reason });
    expect(result).toMatchObject({ ok: true, value: { terminationReason: null, terminatedOn: "2026-02-01", endDate: "2026-02-01" } });
    expect((await stored(row.id))!.terminationReason).toBeNull();
  });
});

describe("all or nothing", () => {
  it.each([
    ["terminate", (ref: { userId: string; agreementId: string }) => terminateAgreement(ref)],
    ["suspend", suspendAgreement],
    ["renew", renewAgreement],
    ["delete", deleteAgreement],
  ] as const)("%s: when its event cannot be written, the agreement is left as it was", async (_name, action) => {
    const owner = await tenant("faulty");
    const row = await agreementOf(owner, { startDate: "2026-01-01", endDate: "2026-12-31" });
    const before = await ownerPrisma().agreement.findMany({ where: { customerId: owner.customerId }, orderBy: { id: "asc" } });
    await withFault(eventFault(owner.customerId, { eventType: "update" }), async () => {
      await expect(action({ userId: owner.userId, agreementId: row.id })).rejects.toThrow(/injected fault/);
    });
    expect(await ownerPrisma().agreement.findMany({ where: { customerId: owner.customerId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await eventCount(owner.customerId)).toBe(0);
  });
});

describe("the tenant wall underneath: row-level security as the app's role", () => {
  it("a query naming alice, in a transaction bound to bob, reads nothing of alice's", async () => {
    const row = await agreementOf(alice);
    expect(await asUser(bob.userId, (db) => readAgreement(db, { userId: alice.userId, agreementId: row.id }))).toBeNull();
    const visible = await asUser(bob.userId, (db) => db.$queryRaw<Array<{ id: string }>>`SELECT id FROM customer_agreements WHERE id = ${row.id}::uuid`);
    expect(visible).toEqual([]);
    // It is there: alice sees it.
    expect(await asUser(alice.userId, (db) => readAgreement(db, { userId: alice.userId, agreementId: row.id }))).toMatchObject({ id: row.id });
  });

  it("bob's transaction can neither change, delete, lock nor renew alice's agreement: zero rows", async () => {
    const row = await agreementOf(alice);
    const before = await stored(row.id);
    const counts = await asUser(bob.userId, async (db) => ({
      update: await db.$executeRaw`UPDATE customer_agreements SET override_status = 'terminated' WHERE id = ${row.id}::uuid`,
      lock: (await db.$queryRaw<unknown[]>`SELECT id FROM customer_agreements WHERE id = ${row.id}::uuid FOR UPDATE`).length,
      renew: await db.$executeRaw`
        INSERT INTO customer_agreements (user_id, customer_id, scope, type, pricing, renewal_of)
        SELECT a.user_id, a.customer_id, a.scope, a.type, a.pricing, a.id FROM customer_agreements a WHERE a.id = ${row.id}::uuid`,
      delete: await db.$executeRaw`DELETE FROM customer_agreements WHERE id = ${row.id}::uuid`,
    }));
    expect(counts).toEqual({ update: 0, lock: 0, renew: 0, delete: 0 });
    expect(await stored(row.id)).toEqual(before);
  });

  it("bob's transaction cannot plant an agreement in alice's name or under her customer", async () => {
    await expect(
      asUser(bob.userId, (db) => db.$executeRaw`
        INSERT INTO customer_agreements (user_id, customer_id, scope) VALUES (${alice.userId}::uuid, ${alice.customerId}::uuid, 'planted')`),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asUser(bob.userId, (db) => db.$executeRaw`
        INSERT INTO customer_agreements (user_id, customer_id, scope) VALUES (${bob.userId}::uuid, ${alice.customerId}::uuid, 'planted')`),
    ).rejects.toThrow(/foreign key|23503/i);
    expect(await ownerPrisma().agreement.count({ where: { scope: "planted" } })).toBe(0);
  });
});

describe("schemas (what the domain is handed)", () => {
  const create = (body: Record<string, unknown>) => CreateAgreementApiSchema.safeParse({ scope: "S", ...body });

  it("two decimals of hours are judged exactly: 0.29 and 1.15 pass, 1.234 does not", () => {
    expect(create({ type: "retainer", pricing: { amount: 1, period: "month", hours_included: 0.29 } }).success).toBe(true);
    expect(create({ type: "hourly", pricing: { rate: 1, hours_cap: 1.15 } }).success).toBe(true);
    expect(create({ type: "hourly", pricing: { rate: 1, hours_cap: 1.234 } }).success).toBe(false);
  });

  it.each([null, true, false, "", [], [30], {}])("a number field never takes %j for a number", (value) => {
    expect(create({ type: "other", notice_days: value }).success).toBe(false);
    expect(create({ type: "hourly", pricing: { rate: 1, hours_cap: value } }).success).toBe(false);
    expect(UpdateAgreementApiSchema.safeParse({ notice_days: value }).success).toBe(false);
  });

  it("numbers as text are still read (forms post text)", () => {
    expect(create({ type: "hourly", notice_days: " 14 ", pricing: { rate: "1", hours_cap: "7.5" } })).toMatchObject({
      success: true,
      data: { noticeDays: 14, pricing: { rate: "1.00", hours_cap: 7.5 } },
    });
  });

  it("pricingAfterPatch keys an unknown field under its own name, as create does", () => {
    expect(pricingAfterPatch("fixed_fee", { rate: 10 })).toEqual({
      ok: false,
      issues: { "pricing.amount": ["Amount is required"], "pricing.rate": ["Unknown field"] },
    });
    expect(pricingAfterPatch("other", {})).toEqual({ ok: true, pricing: {} });
  });
});
