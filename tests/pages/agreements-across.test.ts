import * as agreementsRoute from "~/routes/agreements";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { call, get } from "../http";
import { ownerPrisma } from "../setup/owner";
import { DAY_MS } from "../support/db";

/** /agreements: every agreement of the user's live customers, by computed status, keyset-paged. */

interface Page {
  status: string | null;
  rows: Array<{ id: string; customerName: string; scope: string; status: string; daysLeft: number | null; outstanding: string }>;
  counts: Record<string, number>;
  nextHref: string | null;
  firstHref: string | null;
}

const day = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + offset * DAY_MS);

async function page(cookie: string, search = ""): Promise<Page> {
  const response = await call(agreementsRoute.loader, get(`/agreements${search}`, { cookie }));
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

async function agreement(user: { id: string }, customer: { id: string }, scope: string, data: Record<string, unknown> = {}) {
  return ownerPrisma().agreement.create({
    data: { userId: user.id, customerId: customer.id, scope, type: "other", pricing: {}, ...data },
  });
}

let alice: Awaited<ReturnType<typeof signedUpUser>>;
let bob: Awaited<ReturnType<typeof signedUpUser>>;

beforeAll(async () => {
  alice = await signedUpUser();
  bob = await signedUpUser();
  const acme = await insertCustomer(ownerPrisma(), alice.id, { name: "Acme" });
  const globex = await insertCustomer(ownerPrisma(), alice.id, { name: "Globex" });
  const archived = await insertCustomer(ownerPrisma(), alice.id, { name: "Gone Ltd" });
  await ownerPrisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });
  const bobs = await insertCustomer(ownerPrisma(), bob.id, { name: "Bob's customer" });

  await agreement(alice, acme, "Running", { startDate: day(-100), endDate: day(200), noticeDays: 30 });
  await agreement(alice, globex, "Ends in 10 days", { startDate: day(-100), endDate: day(10), noticeDays: 30 });
  await agreement(alice, acme, "Ends in 3 days", { startDate: day(-100), endDate: day(3), noticeDays: 30 });
  await agreement(alice, acme, "Open-ended", { startDate: day(-10) });
  await agreement(alice, globex, "Next year", { startDate: day(300) });
  await agreement(alice, acme, "Paused", { startDate: day(-10), overrideStatus: "suspended" });
  await agreement(alice, acme, "Done", { startDate: day(-300), endDate: day(-1) });
  await agreement(alice, globex, "Stopped", { startDate: day(-300), endDate: day(-5), overrideStatus: "terminated" });
  await agreement(alice, archived, "Hidden with its customer", { startDate: day(-10), endDate: day(5) });
  await agreement(bob, bobs, "Bob's", { startDate: day(-10), endDate: day(5) });
});

describe("/agreements", () => {
  it("lists expiring soon first (soonest end first), then active, upcoming, suspended, expired, terminated", async () => {
    const { rows, counts, status } = await page(alice.cookie);
    expect(status).toBeNull();
    expect(rows.map((row) => [row.scope, row.status])).toEqual([
      ["Ends in 3 days", "expiring_soon"],
      ["Ends in 10 days", "expiring_soon"],
      ["Running", "active"],
      ["Open-ended", "active"],
      ["Next year", "upcoming"],
      ["Paused", "suspended"],
      ["Done", "expired"],
      ["Stopped", "terminated"],
    ]);
    expect(rows[0]).toMatchObject({ customerName: "Acme", daysLeft: 3, outstanding: "0.00" });
    expect(counts).toEqual({ all: 8, expiring_soon: 2, active: 2, upcoming: 1, suspended: 1, expired: 1, terminated: 1 });
  });

  it("filters by computed status and keeps the counts of all", async () => {
    const { rows, counts } = await page(alice.cookie, "?status=expiring_soon");
    expect(rows.map((row) => row.scope)).toEqual(["Ends in 3 days", "Ends in 10 days"]);
    expect(counts.all).toBe(8);
    expect((await page(alice.cookie, "?status=expired")).rows.map((row) => row.scope)).toEqual(["Done"]);
  });

  it("falls back to every status for an unknown one, and to the first page for a forged cursor", async () => {
    expect((await page(alice.cookie, "?status=nonsense")).rows).toHaveLength(8);
    for (const cursor of ["x", Buffer.from('[9,"2026-01-01","00000000-0000-0000-0000-000000000000"]').toString("base64url"), "%ZZ"]) {
      const result = await page(alice.cookie, `?cursor=${encodeURIComponent(cursor)}`);
      expect(result.rows).toHaveLength(8);
    }
  });

  it("shows nothing of another user's, or of an archived customer", async () => {
    const { rows, counts } = await page(bob.cookie);
    expect(rows.map((row) => row.scope)).toEqual(["Bob's"]);
    expect(counts.all).toBe(1);
    const all = await page(alice.cookie);
    expect(all.rows.map((row) => row.scope)).not.toContain("Hidden with its customer");
  });

  it("counts without an archived customer's agreements on a page with no rows too", async () => {
    // A cursor past the last agreement: the counts come from their own statement.
    const pastTheEnd = Buffer.from(JSON.stringify([6, "infinity", "ffffffff-ffff-4fff-bfff-ffffffffffff"])).toString("base64url");
    const { rows, counts } = await page(alice.cookie, `?cursor=${pastTheEnd}`);
    expect(rows).toEqual([]);
    expect(counts).toEqual({ all: 8, expiring_soon: 2, active: 2, upcoming: 1, suspended: 1, expired: 1, terminated: 1 });
  });

  it("pages through many agreements without gaps or repeats", async () => {
    const user = await signedUpUser();
    const customer = await insertCustomer(ownerPrisma(), user.id, { name: "Big" });
    await ownerPrisma().agreement.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        userId: user.id,
        customerId: customer.id,
        scope: `A${index}`,
        type: "other",
        pricing: {},
        startDate: day(-10),
        // Many share an end date: the id breaks the ties.
        endDate: index % 3 === 0 ? null : day(20 + (index % 7)),
      })),
    });
    const seen: string[] = [];
    let search = "";
    for (let guard = 0; guard < 10; guard += 1) {
      const result = await page(user.cookie, search);
      seen.push(...result.rows.map((row) => row.scope));
      if (!result.nextHref) break;
      expect(result.firstHref === null).toBe(search === "");
      search = result.nextHref.replace("/agreements", "");
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it("sends a signed-out visitor to log in", async () => {
    const response = await call(agreementsRoute.loader, get("/agreements"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fagreements");
  });
});
