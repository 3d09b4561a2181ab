import { listAgreements } from "~/agreements/agreements.server";
import { archiveCustomer, findRestorable, listArchived, purgeExpired, restoreCustomer } from "~/customers/archive.server";
import { RESTORE_WINDOW_DAYS } from "~/customers/constants";
import { createCustomer, getCustomer, updateCustomer, updateStatus } from "~/customers/customers.server";
import { addEvent } from "~/customers/events.server";
import { countByStatus, listCustomers } from "~/customers/list.server";
import { getOverview } from "~/customers/overview.server";
import { addTeamMember, removeTeamMember, updateTeamMember } from "~/customers/team.server";
import { listProjects } from "~/projects/projects.server";
import { listReceivables } from "~/receivables/receivables.server";
import { CUSTOMER_STATUSES } from "~/customers/constants";
import { ownerPrisma as prisma } from "../setup/owner";
import { insertCommercials, insertEvents } from "../../prisma/factories";
import { DAY_MS, newUserId } from "../support/db";

/** Soft delete, restore, the purge after the window, and isolation between users. */


/** A customer with agreements, receivables, projects, an artifact, events and a team. */
async function richCustomer(userId: string, name: string) {
  const customer = await createCustomer(userId, { name, status: "live", info: { about: name, team: [{ name: "Ann" }] } });
  await insertEvents(prisma(), customer, 3);
  await insertCommercials(prisma(), customer);
  const project = await prisma().project.findFirstOrThrow({ where: { customerId: customer.id } });
  await prisma().project.update({ where: { id: project.id }, data: { status: "active" } });
  await prisma().artifact.create({ data: { userId, customerId: customer.id, projectId: project.id, title: "Spec" } });
  return customer;
}

/** Every row that hangs off a customer, counted straight from the tables. */
async function childCounts(customerId: string) {
  const where = { customerId };
  return {
    customers: await prisma().customer.count({ where: { id: customerId } }),
    agreements: await prisma().agreement.count({ where }),
    receivables: await prisma().receivable.count({ where }),
    projects: await prisma().project.count({ where }),
    artifacts: await prisma().artifact.count({ where }),
    events: await prisma().customerEvent.count({ where }),
  };
}

/** Everything a user can read about one customer, through the module's read functions. */
async function visible(userId: string, customerId: string) {
  const listed = await listCustomers(userId, { sort: "updated_at", limit: 100 });
  return {
    get: await getCustomer({ userId, customerId }),
    listed: listed.items.some((item) => item.id === customerId),
    overview: await getOverview({ userId, customerId }),
    agreements: await listAgreements({ userId, customerId }),
    receivables: await listReceivables({ userId, customerId }),
    projects: await listProjects({ userId, customerId }),
  };
}

describe("Delete customer cascades to child records", () => {
  let userId: string;

  beforeAll(async () => {
    userId = await newUserId("archive");
  });

  it("archiving hides the customer and its agreements, receivables, projects and events from every read", async () => {
    const customer = await richCustomer(userId, "Doomed Co");
    const bystander = await richCustomer(userId, "Bystander Co");
    const before = await visible(userId, customer.id);
    expect(before.get).not.toBeNull();
    expect(before.listed).toBe(true);
    expect(before.overview!.events.length).toBeGreaterThan(0);
    expect(before.overview!.stats.activeAgreements).toBeGreaterThan(0);
    expect(before.agreements.length).toBeGreaterThan(0);
    expect(before.receivables.length).toBeGreaterThan(0);
    expect(before.projects.length).toBeGreaterThan(0);
    const countsBefore = await countByStatus(userId);

    const archived = await archiveCustomer({ userId, customerId: customer.id });
    expect(archived!.id).toBe(customer.id);
    expect(archived!.deletedAt).toBeInstanceOf(Date);

    expect(await visible(userId, customer.id)).toEqual({
      get: null,
      listed: false,
      overview: null,
      agreements: [],
      receivables: [],
      projects: [],
    });
    const countsAfter = await countByStatus(userId);
    expect(countsAfter.live).toBe(countsBefore.live - 1);
    expect(countsAfter.all).toBe(countsBefore.all - 1);
    expect((await listCustomers(userId, { sort: "name", status: "live", q: "Doomed", limit: 10 })).items).toEqual([]);
    // Writes do not reach it either.
    expect(await updateCustomer({ userId, customerId: customer.id, changes: { name: "Zombie" } })).toBeNull();
    expect(await updateStatus({ userId, customerId: customer.id, status: "lead" })).toBeNull();
    expect(await addEvent({ userId, customerId: customer.id, event: { eventType: "note", title: "Ghost", participants: [] } })).toBe(false);
    expect(await addTeamMember({ userId, customerId: customer.id, member: { name: "Ghost" } })).toBe("not_found");
    expect(await archiveCustomer({ userId, customerId: customer.id })).toBeNull();

    // Soft: the rows are all still there, untouched.
    const rows = await childCounts(customer.id);
    expect(Object.values(rows).every((count) => count > 0)).toBe(true);
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe("Doomed Co");

    // The neighbour is unaffected.
    const neighbour = await visible(userId, bystander.id);
    expect(neighbour.get).not.toBeNull();
    expect(neighbour.listed).toBe(true);
    expect(neighbour.agreements.length).toBeGreaterThan(0);
  });

  it("purgeExpired deletes, after the window only, the customer with all its child rows", async () => {
    const customer = await richCustomer(userId, "Purged Co");
    const kept = await richCustomer(userId, "Kept Co");
    const recent = await richCustomer(userId, "Recently Archived Co");
    const archivedAt = (await archiveCustomer({ userId, customerId: customer.id }))!.deletedAt!;
    const rowsBefore = await childCounts(customer.id);

    // Inside the window: nothing goes.
    expect(await purgeExpired(new Date(archivedAt.getTime() + (RESTORE_WINDOW_DAYS - 1) * DAY_MS))).toBe(0);
    expect(await childCounts(customer.id)).toEqual(rowsBefore);

    // Archived later: still inside its own window when the first one expires.
    await archiveCustomer({ userId, customerId: recent.id });
    await prisma().customer.update({ where: { id: recent.id }, data: { deletedAt: new Date(archivedAt.getTime() + 5 * DAY_MS) } });

    const purgeAt = new Date(archivedAt.getTime() + (RESTORE_WINDOW_DAYS + 1) * DAY_MS);
    // Everyone's customers archived more than the window before purgeAt (the earlier test's too).
    const archivedRows = await prisma().customer.findMany({ where: { NOT: { deletedAt: null } }, select: { id: true, deletedAt: true } });
    const due = archivedRows.filter((row) => purgeAt.getTime() - row.deletedAt!.getTime() > RESTORE_WINDOW_DAYS * DAY_MS).map((row) => row.id);
    expect(due).toContain(customer.id);
    expect(due).not.toContain(recent.id);
    const purged = await purgeExpired(purgeAt);
    expect(purged).toBe(due.length);
    expect(await prisma().customer.count({ where: { id: { in: due } } })).toBe(0);
    expect(await childCounts(customer.id)).toEqual({ customers: 0, agreements: 0, receivables: 0, projects: 0, artifacts: 0, events: 0 });
    expect((await childCounts(kept.id)).customers).toBe(1);
    expect((await childCounts(recent.id)).agreements).toBeGreaterThan(0);
    // Running it again is harmless.
    expect(await purgeExpired(new Date(archivedAt.getTime() + (RESTORE_WINDOW_DAYS + 1) * DAY_MS))).toBe(0);
  });
});

describe("restore and the archive list", () => {
  let userId: string;

  beforeAll(async () => {
    userId = await newUserId("restore");
  });

  it("restoring within the window brings the customer and its children back", async () => {
    const customer = await richCustomer(userId, "Comeback Co");
    const before = await visible(userId, customer.id);
    await archiveCustomer({ userId, customerId: customer.id });
    const result = await restoreCustomer({ userId, customerId: customer.id });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.customer).toMatchObject({ id: customer.id, deletedAt: null });
    const after = await visible(userId, customer.id);
    expect(after.get).toMatchObject({ id: customer.id, name: "Comeback Co", deletedAt: null });
    expect(after.listed).toBe(true);
    expect(after.agreements).toEqual(before.agreements);
    expect(after.receivables).toEqual(before.receivables);
    expect(after.projects).toEqual(before.projects);
    expect(after.overview!.events).toEqual(before.overview!.events);
  });

  it("restoring on the last day works; after 30 days it is expired and stays archived", async () => {
    const customer = await createCustomer(userId, { name: "Late Co" });
    const archivedAt = (await archiveCustomer({ userId, customerId: customer.id }))!.deletedAt!;
    const expired = await restoreCustomer({ userId, customerId: customer.id, now: new Date(archivedAt.getTime() + (RESTORE_WINDOW_DAYS + 1) * DAY_MS) });
    expect(expired).toEqual({ ok: false, reason: "expired" });
    expect(await getCustomer({ userId, customerId: customer.id })).toBeNull();
    const lastDay = await restoreCustomer({ userId, customerId: customer.id, now: new Date(archivedAt.getTime() + (RESTORE_WINDOW_DAYS - 1) * DAY_MS) });
    expect(lastDay.ok).toBe(true);
    expect(await getCustomer({ userId, customerId: customer.id })).not.toBeNull();
  });

  it("restoring the user's live customer says it is already restored, and changes nothing", async () => {
    const live = await createCustomer(userId, { name: "Alive Co" });
    const result = await restoreCustomer({ userId, customerId: live.id });
    expect(result).toEqual({ ok: false, reason: "already_restored", customer: live });
    expect(await getCustomer({ userId, customerId: live.id })).toEqual(live);
  });

  it("restoring another user's live customer, an unknown or a malformed id is not_found", async () => {
    const theirs = await createCustomer(await newUserId("restore-other"), { name: "Not Yours Co" });
    expect(await restoreCustomer({ userId, customerId: theirs.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await restoreCustomer({ userId, customerId: "44444444-4444-4444-8444-444444444444" })).toEqual({ ok: false, reason: "not_found" });
    expect(await restoreCustomer({ userId, customerId: "nope" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("listArchived shows restorable customers, newest first, with the days left", async () => {
    const user = await newUserId("archived-list");
    const now = new Date();
    const ages = [1.5, 10, 29.5, 31];
    const made: Array<{ id: string; age: number }> = [];
    for (const age of ages) {
      const customer = await createCustomer(user, { name: `Archived ${age}` });
      await archiveCustomer({ userId: user, customerId: customer.id });
      await prisma().customer.update({ where: { id: customer.id }, data: { deletedAt: new Date(now.getTime() - age * DAY_MS) } });
      made.push({ id: customer.id, age });
    }
    await createCustomer(user, { name: "Not archived" });
    const list = await listArchived(user, now);
    expect(list.map((row) => row.name)).toEqual(["Archived 1.5", "Archived 10", "Archived 29.5"]);
    expect(list.map((row) => row.daysLeft)).toEqual(ages.filter((age) => age < RESTORE_WINDOW_DAYS).map((age) => Math.ceil(RESTORE_WINDOW_DAYS - age)));
    expect(list[0]!.deletedAt).toEqual(new Date(now.getTime() - 1.5 * DAY_MS));
    expect(await listArchived(user, new Date(now.getTime() + 29 * DAY_MS))).toHaveLength(0);
  });

  it("findRestorable finds the user's archived customer within the window, and nothing else", async () => {
    const now = new Date();
    const archived = await createCustomer(userId, { name: "Findable Co" });
    await archiveCustomer({ userId, customerId: archived.id });
    await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date(now.getTime() - 10 * DAY_MS) } });
    expect(await findRestorable({ userId, customerId: archived.id, now })).toEqual({
      id: archived.id,
      name: "Findable Co",
      status: archived.status,
      deletedAt: new Date(now.getTime() - 10 * DAY_MS),
      daysLeft: RESTORE_WINDOW_DAYS - 10,
    });
    expect(await findRestorable({ userId, customerId: archived.id, now: new Date(now.getTime() + 21 * DAY_MS) })).toBeNull();
    const live = await createCustomer(userId, { name: "Live Co" });
    expect(await findRestorable({ userId, customerId: live.id })).toBeNull();
    const stranger = await newUserId("restorable-stranger");
    expect(await findRestorable({ userId: stranger, customerId: archived.id, now })).toBeNull();
    expect(await findRestorable({ userId, customerId: "nope" })).toBeNull();
  });
});

describe("RLS prevents accessing other users' customers", () => {
  let owner: string;
  let intruder: string;
  let customerId: string;
  let archivedId: string;
  let memberId: string;

  beforeAll(async () => {
    owner = await newUserId("owner");
    intruder = await newUserId("intruder");
    customerId = (await richCustomer(owner, "Secret Co")).id;
    archivedId = (await richCustomer(owner, "Secret Archived Co")).id;
    await archiveCustomer({ userId: owner, customerId: archivedId });
    memberId = ((await getCustomer({ userId: owner, customerId }))!.info as { team: Array<{ id: string }> }).team[0]!.id;
    await createCustomer(intruder, { name: "Intruder's own" });
  });

  async function snapshot() {
    const tables = { where: { customerId: { in: [customerId, archivedId] } } };
    return {
      customers: await prisma().customer.findMany({ where: { userId: owner }, orderBy: { id: "asc" } }),
      events: await prisma().customerEvent.findMany({ ...tables, orderBy: { id: "asc" } }),
      agreements: await prisma().agreement.findMany({ ...tables, orderBy: { id: "asc" } }),
    };
  }

  it("every read returns null or nothing", async () => {
    expect(await getCustomer({ userId: intruder, customerId })).toBeNull();
    expect(await getOverview({ userId: intruder, customerId })).toBeNull();
    expect(await listAgreements({ userId: intruder, customerId })).toEqual([]);
    expect(await listReceivables({ userId: intruder, customerId })).toEqual([]);
    expect(await listProjects({ userId: intruder, customerId })).toEqual([]);
    const listed = await listCustomers(intruder, { sort: "name", q: "Secret", limit: 100 });
    expect(listed.items).toEqual([]);
    const all = await listCustomers(intruder, { sort: "name", limit: 100 });
    expect(all.items.map((item) => item.name)).toEqual(["Intruder's own"]);
    const counts = await countByStatus(intruder, { q: "Secret" });
    for (const status of CUSTOMER_STATUSES) expect(counts[status]).toBe(0);
    expect(counts.all).toBe(0);
    expect(await listArchived(intruder)).toEqual([]);
    // The owner, asking the same, sees it all: the checks above are not vacuous.
    expect(await getCustomer({ userId: owner, customerId })).not.toBeNull();
    expect((await listAgreements({ userId: owner, customerId })).length).toBeGreaterThan(0);
    expect((await countByStatus(owner, { q: "Secret" })).all).toBe(1);
    expect((await listArchived(owner)).map((row) => row.id)).toEqual([archivedId]);
  });

  it("every write returns null, false or not_found and changes nothing", async () => {
    const before = await snapshot();
    expect(await updateCustomer({ userId: intruder, customerId, changes: { name: "Pwned", info: { about: "pwned" } } })).toBeNull();
    expect(await updateStatus({ userId: intruder, customerId, status: "archive" })).toBeNull();
    expect(await archiveCustomer({ userId: intruder, customerId })).toBeNull();
    expect(await restoreCustomer({ userId: intruder, customerId: archivedId })).toEqual({ ok: false, reason: "not_found" });
    expect(await restoreCustomer({ userId: intruder, customerId: archivedId, now: new Date(Date.now() + 60 * DAY_MS) })).toEqual({ ok: false, reason: "not_found" });
    expect(await addEvent({ userId: intruder, customerId, event: { eventType: "note", title: "Pwned", participants: [] } })).toBe(false);
    expect(await addTeamMember({ userId: intruder, customerId, member: { name: "Mole" } })).toBe("not_found");
    expect(await updateTeamMember({ userId: intruder, customerId, memberId, member: { name: "Mole" } })).toBe("not_found");
    expect(await removeTeamMember({ userId: intruder, customerId, memberId })).toBe("not_found");
    expect(await snapshot()).toEqual(before);
  });

  it("a malformed user id sees nothing and changes nothing", async () => {
    const before = await snapshot();
    expect(await getCustomer({ userId: "not-a-uuid", customerId })).toBeNull();
    expect((await listCustomers("not-a-uuid", { sort: "name", limit: 10 })).items).toEqual([]);
    expect((await countByStatus("not-a-uuid")).all).toBe(0);
    expect(await updateCustomer({ userId: "not-a-uuid", customerId, changes: { name: "x" } })).toBeNull();
    expect(await archiveCustomer({ userId: "not-a-uuid", customerId })).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});
