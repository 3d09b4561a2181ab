import { createCustomer, getCustomer, updateStatus } from "~/customers/customers.server";
import { addEvent } from "~/customers/events.server";
import { getOverview } from "~/customers/overview.server";
import { addTeamMember, removeTeamMember, updateTeamMember } from "~/customers/team.server";
import { listReceivables } from "~/receivables/receivables.server";
import { type EventInput } from "~/customers/schemas";
import { LIMITS } from "~/customers/constants";
import { ownerPrisma as prisma } from "../setup/owner";
import { DAY_MS, newUserId, sql } from "../support/db";

/** The overview: team members, events and quick stats. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Member = { id: string; name: string; role?: string; email?: string; notes?: string; [key: string]: unknown };

let userId: string;
let otherUserId: string;

beforeAll(async () => {
  userId = await newUserId("Overview");
  otherUserId = await newUserId("Other");
});

async function team(customerId: string): Promise<Member[]> {
  const info = (await getCustomer({ userId, customerId }))!.info as { team?: Member[] };
  return info.team ?? [];
}

describe("team members", () => {
  it("add gives the member a uuid and appends it, keeping the rest of info", async () => {
    const customer = await createCustomer(userId, { name: "Team Co", info: { about: "kept", team: [{ name: "First" }] } });
    expect(await addTeamMember({ userId, customerId: customer.id, member: { name: "Second", role: "CTO", email: "second@example.com" } })).toBe("ok");
    const members = await team(customer.id);
    expect(members.map((member) => member.name)).toEqual(["First", "Second"]);
    expect(members[1]).toEqual({ id: expect.stringMatching(UUID), name: "Second", role: "CTO", email: "second@example.com" });
    expect(members[1]!.id).not.toBe(members[0]!.id);
    expect(((await getCustomer({ userId, customerId: customer.id }))!.info as { about: string }).about).toBe("kept");
  });

  it("add works on a customer without a team yet, and ignores an id sent by the caller", async () => {
    const customer = await createCustomer(userId, { name: "Empty Team Co" });
    const sentId = "11111111-1111-4111-8111-111111111111";
    expect(await addTeamMember({ userId, customerId: customer.id, member: { id: sentId, name: "Solo" } })).toBe("ok");
    const members = await team(customer.id);
    expect(members).toHaveLength(1);
    expect(members[0]!.id).toMatch(UUID);
    expect(members[0]!.id).not.toBe(sentId);
  });

  it("update replaces the known fields of that member only and keeps unknown keys on it", async () => {
    const customer = await createCustomer(userId, { name: "Edit Co" });
    await addTeamMember({ userId, customerId: customer.id, member: { name: "Keep", role: "CEO" } });
    await addTeamMember({ userId, customerId: customer.id, member: { name: "Edit", role: "Designer", notes: "old notes" } });
    const [keep, edit] = await team(customer.id);
    // A key the form does not know about, put there by another client.
    await sql(
      `UPDATE customers SET info = jsonb_set(info, '{team,1,linkedin}', '"https://linkedin.example/edit"') WHERE id = $1`,
      [customer.id],
    );
    expect(await updateTeamMember({ userId, customerId: customer.id, memberId: edit!.id, member: { name: "Edited", role: "Lead designer" } })).toBe("ok");
    const members = await team(customer.id);
    expect(members[0]).toEqual(keep);
    expect(members[1]).toEqual({ id: edit!.id, name: "Edited", role: "Lead designer", linkedin: "https://linkedin.example/edit" });
  });

  it("an update that changes nothing is reported as such and leaves the row alone", async () => {
    const customer = await createCustomer(userId, { name: "Same Co" });
    await addTeamMember({ userId, customerId: customer.id, member: { name: "Same", role: "CEO" } });
    const [member] = await team(customer.id);
    const before = await getCustomer({ userId, customerId: customer.id });
    expect(await updateTeamMember({ userId, customerId: customer.id, memberId: member!.id, member: { name: "Same", role: "CEO" } })).toBe("unchanged");
    expect(await getCustomer({ userId, customerId: customer.id })).toEqual(before);
    // Sending a field the member does not have, or leaving out one it has, is a change.
    expect(await updateTeamMember({ userId, customerId: customer.id, memberId: member!.id, member: { name: "Same" } })).toBe("ok");
    expect((await team(customer.id))[0]).toEqual({ id: member!.id, name: "Same" });
  });

  it("remove deletes exactly that member by id", async () => {
    const customer = await createCustomer(userId, { name: "Remove Co" });
    for (const name of ["A", "B", "C"]) await addTeamMember({ userId, customerId: customer.id, member: { name } });
    const [a, b, c] = await team(customer.id);
    expect(await removeTeamMember({ userId, customerId: customer.id, memberId: b!.id })).toBe("ok");
    expect(await team(customer.id)).toEqual([a, c]);
    expect(await removeTeamMember({ userId, customerId: customer.id, memberId: b!.id })).toBe("member_not_found");
    expect(await removeTeamMember({ userId, customerId: customer.id, memberId: a!.id })).toBe("ok");
    expect(await removeTeamMember({ userId, customerId: customer.id, memberId: c!.id })).toBe("ok");
    expect(await team(customer.id)).toEqual([]);
  });

  it("an unknown member is member_not_found and changes nothing", async () => {
    const customer = await createCustomer(userId, { name: "Unknown Member Co" });
    await addTeamMember({ userId, customerId: customer.id, member: { name: "Only" } });
    const before = await team(customer.id);
    const unknown = "22222222-2222-4222-8222-222222222222";
    expect(await updateTeamMember({ userId, customerId: customer.id, memberId: unknown, member: { name: "Ghost" } })).toBe("member_not_found");
    expect(await removeTeamMember({ userId, customerId: customer.id, memberId: unknown })).toBe("member_not_found");
    expect(await removeTeamMember({ userId, customerId: customer.id, memberId: "not-a-uuid" })).toBe("member_not_found");
    expect(await team(customer.id)).toEqual(before);
    const teamless = await createCustomer(userId, { name: "No Team Co" });
    expect(await updateTeamMember({ userId, customerId: teamless.id, memberId: unknown, member: { name: "Ghost" } })).toBe("member_not_found");
    expect(await removeTeamMember({ userId, customerId: teamless.id, memberId: unknown })).toBe("member_not_found");
  });

  it(`caps the team at ${LIMITS.teamSize} members: the next one is "full"`, async () => {
    const members = Array.from({ length: LIMITS.teamSize - 1 }, (_, index) => ({ name: `Member ${index}` }));
    const customer = await createCustomer(userId, { name: "Big Team Co", info: { team: members } });
    expect(await addTeamMember({ userId, customerId: customer.id, member: { name: "Last seat" } })).toBe("ok");
    expect(await team(customer.id)).toHaveLength(LIMITS.teamSize);
    expect(await addTeamMember({ userId, customerId: customer.id, member: { name: "One too many" } })).toBe("full");
    const after = await team(customer.id);
    expect(after).toHaveLength(LIMITS.teamSize);
    expect(after.map((member) => member.name)).not.toContain("One too many");
  });

  it("concurrent additions all survive", async () => {
    const customer = await createCustomer(userId, { name: "Crowd Co" });
    const names = Array.from({ length: 10 }, (_, index) => `Person ${index}`);
    const results = await Promise.all(names.map((name) => addTeamMember({ userId, customerId: customer.id, member: { name } })));
    expect(results).toEqual(names.map(() => "ok"));
    expect((await team(customer.id)).map((member) => member.name).sort()).toEqual([...names].sort());
  });

  it("another user's customer is not_found for add, update and remove, and nothing changes", async () => {
    const customer = await createCustomer(userId, { name: "Private Team Co" });
    await addTeamMember({ userId, customerId: customer.id, member: { name: "Mine" } });
    const [mine] = await team(customer.id);
    expect(await addTeamMember({ userId: otherUserId, customerId: customer.id, member: { name: "Intruder" } })).toBe("not_found");
    expect(await updateTeamMember({ userId: otherUserId, customerId: customer.id, memberId: mine!.id, member: { name: "Hacked" } })).toBe("not_found");
    expect(await removeTeamMember({ userId: otherUserId, customerId: customer.id, memberId: mine!.id })).toBe("not_found");
    expect(await addTeamMember({ userId, customerId: "33333333-3333-4333-8333-333333333333", member: { name: "Nobody" } })).toBe("not_found");
    expect(await addTeamMember({ userId, customerId: "not-a-uuid", member: { name: "Nobody" } })).toBe("not_found");
    expect(await team(customer.id)).toEqual([mine]);
  });
});

describe("events and the overview", () => {
  const event = (title: string, eventDate?: Date, extra: Partial<EventInput> = {}): EventInput => ({
    eventType: "note",
    title,
    participants: [],
    eventDate,
    ...extra,
  });

  it("addEvent stores the event; getOverview lists events newest first", async () => {
    const customer = await createCustomer(userId, { name: "Timeline Co" });
    const now = Date.now();
    expect(await addEvent({ userId, customerId: customer.id, event: event("Middle", new Date(now - 5 * DAY_MS)) })).toBe(true);
    expect(
      await addEvent({ userId, customerId: customer.id, event: event("Newest", new Date(now - DAY_MS), { eventType: "meeting", description: "Kick-off", participants: ["Ann", "Bob"] }) }),
    ).toBe(true);
    expect(await addEvent({ userId, customerId: customer.id, event: event("Oldest", new Date(now - 30 * DAY_MS)) })).toBe(true);
    const overview = await getOverview({ userId, customerId: customer.id });
    expect(overview!.events.map((item) => item.title)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(overview!.events[0]).toMatchObject({
      eventType: "meeting",
      description: "Kick-off",
      participants: ["Ann", "Bob"],
      eventDate: new Date(now - DAY_MS),
    });
    expect(overview!.stats.lastInteractionAt).toEqual(new Date(now - DAY_MS));
  });

  it("an event without a date is dated now, and becomes the last interaction", async () => {
    const customer = await createCustomer(userId, { name: "Now Co" });
    await addEvent({ userId, customerId: customer.id, event: event("Long ago", new Date(Date.now() - 100 * DAY_MS)) });
    const before = Date.now();
    await addEvent({ userId, customerId: customer.id, event: event("Just now") });
    const overview = await getOverview({ userId, customerId: customer.id });
    expect(overview!.events[0]!.title).toBe("Just now");
    expect(overview!.stats.lastInteractionAt!.getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });

  it("status changes appear on the timeline too", async () => {
    const customer = await createCustomer(userId, { name: "Status Timeline Co" });
    await updateStatus({ userId, customerId: customer.id, status: "prospect" });
    const overview = await getOverview({ userId, customerId: customer.id });
    expect(overview!.events.map((item) => [item.eventType, item.title])).toEqual([["status_change", "Status changed from Lead to Prospect"]]);
  });

  it("quick stats: current agreements without override, exact outstanding balance, active projects", async () => {
    const customer = await createCustomer(userId, { name: "Stats Co" });
    const id = customer.id;
    const day = (offset: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + offset * DAY_MS);
    await prisma().agreement.createMany({
      data: [
        { userId, customerId: id, scope: "current", startDate: day(-30), endDate: day(30) },
        { userId, customerId: id, scope: "open-ended", startDate: day(-30), endDate: null },
        { userId, customerId: id, scope: "undated", startDate: null, endDate: null },
        { userId, customerId: id, scope: "terminated", startDate: day(-30), endDate: day(30), overrideStatus: "terminated" },
        { userId, customerId: id, scope: "suspended", startDate: null, endDate: null, overrideStatus: "suspended" },
        { userId, customerId: id, scope: "ended", startDate: day(-90), endDate: day(-10) },
        { userId, customerId: id, scope: "future", startDate: day(10), endDate: day(90) },
      ],
    });
    // Outstanding (DOMAIN.md) is what sent invoices still owe: a draft and a
    // void invoice owe nothing, and a payment applied to no invoice is credit.
    const paidInPart = await prisma().receivable.create({
      data: { userId, customerId: id, type: "invoice", amount: "1000.10", date: day(-20) },
    });
    await prisma().receivable.createMany({
      data: [
        { userId, customerId: id, type: "invoice", amount: "1250.20", date: day(-10) },
        { userId, customerId: id, type: "invoice", amount: "500.00", date: day(-3), status: "draft", reference: "D-1" },
        { userId, customerId: id, type: "invoice", amount: "300.00", date: day(-3), status: "void", reference: "V-1" },
        { userId, customerId: id, type: "payment", amount: "750.30", date: day(-5), linkedInvoiceId: paidInPart.id },
        { userId, customerId: id, type: "payment", amount: "99.00", date: day(-4) },
        { userId, customerId: id, type: "payment", amount: "10.00", date: day(-4), status: "void", linkedInvoiceId: paidInPart.id },
      ],
    });
    await prisma().project.createMany({
      data: [
        { userId, customerId: id, name: "A", status: "active" },
        { userId, customerId: id, name: "B", status: "active" },
        { userId, customerId: id, name: "C", status: "planning" },
        { userId, customerId: id, name: "D", status: "completed" },
      ],
    });
    // Another customer's money and work must not leak into these stats.
    const neighbour = await createCustomer(userId, { name: "Neighbour Co" });
    await prisma().receivable.create({ data: { userId, customerId: neighbour.id, type: "invoice", amount: "99.99", date: day(-1) } });
    await prisma().project.create({ data: { userId, customerId: neighbour.id, name: "N", status: "active" } });
    await prisma().agreement.create({ data: { userId, customerId: neighbour.id, scope: "n" } });

    const overview = await getOverview({ userId, customerId: id });
    expect(overview!.customer).toMatchObject({ id, name: "Stats Co" });
    // 1000.10 − 750.30 + 1250.20: the void payment, the draft, the void invoice and the credit do not count.
    // The unapplied 99.00 is credit, shown beside it.
    expect(overview!.stats).toEqual({ activeAgreements: 3, outstandingBalance: "1500.00", credit: "99.00", activeProjects: 2, lastInteractionAt: null });
    expect((await listReceivables({ userId, customerId: id })).map((row) => row.amount).sort()).toEqual([
      "10.00",
      "1000.10",
      "1250.20",
      "300.00",
      "500.00",
      "750.30",
      "99.00",
    ]);
  });

  it("a customer with nothing yet has zero stats and a 0.00 balance", async () => {
    const customer = await createCustomer(userId, { name: "Fresh Co" });
    const overview = await getOverview({ userId, customerId: customer.id });
    expect(overview!.stats).toEqual({ activeAgreements: 0, outstandingBalance: "0.00", credit: "0.00", activeProjects: 0, lastInteractionAt: null });
    expect(overview!.events).toEqual([]);
  });

  it("a balance beyond float precision stays exact", async () => {
    const customer = await createCustomer(userId, { name: "Rich Co" });
    const large = await prisma().receivable.create({
      data: { userId, customerId: customer.id, type: "invoice", amount: "9999999999.99", date: new Date() },
    });
    await prisma().receivable.createMany({
      data: [
        { userId, customerId: customer.id, type: "invoice", amount: "0.01", date: new Date() },
        { userId, customerId: customer.id, type: "payment", amount: "0.03", date: new Date(), linkedInvoiceId: large.id },
      ],
    });
    expect((await getOverview({ userId, customerId: customer.id }))!.stats.outstandingBalance).toBe("9999999999.97");
  });

  it("addEvent and getOverview refuse another user's customer", async () => {
    const customer = await createCustomer(userId, { name: "Private Events Co" });
    expect(await addEvent({ userId: otherUserId, customerId: customer.id, event: event("Intrusion") })).toBe(false);
    expect(await getOverview({ userId: otherUserId, customerId: customer.id })).toBeNull();
    expect(await prisma().customerEvent.count({ where: { customerId: customer.id } })).toBe(0);
  });
});
