import { ACTIVE_AGREEMENTS_SQL, agreementStatusSql, EXPIRING_SOON_SQL, TODAY_FROM } from "~/agreements/agreements.server";
import type { AgreementStatus } from "~/agreements/constants";
import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { ownerPrisma } from "../setup/owner";
import { newUserId } from "../support/db";

/**
 * The agreement status rule (DOMAIN.md), evaluated by PostgreSQL itself: the
 * same SQL the tab, the overview's stat and the API select. Every rule, every
 * boundary, and "today" in the account's time zone.
 */

type Case = [start: string | null, end: string | null, notice: number, override: string | null, expected: AgreementStatus];

const TODAY = "2026-06-15";

const cases: Case[] = [
  // 1–2: an override wins over any dates.
  ["2026-01-01", "2026-06-14", 30, "terminated", "terminated"],
  [null, null, 30, "terminated", "terminated"],
  ["2026-01-01", "2026-12-31", 30, "suspended", "suspended"],
  ["2026-06-16", null, 30, "suspended", "suspended"],
  // 3: not started yet; starting today has started.
  ["2026-06-16", null, 30, null, "upcoming"],
  ["2026-06-16", "2026-06-20", 30, null, "upcoming"],
  ["2026-06-15", null, 30, null, "active"],
  // 4: ended yesterday is expired; ending today is not.
  ["2026-01-01", "2026-06-14", 30, null, "expired"],
  [null, "2026-06-14", 0, null, "expired"],
  // 5: within the notice period (inclusive), expiring soon.
  ["2026-01-01", "2026-06-15", 0, null, "expiring_soon"],
  ["2026-01-01", "2026-06-15", 30, null, "expiring_soon"],
  ["2026-01-01", "2026-07-15", 30, null, "expiring_soon"],
  ["2026-01-01", "2026-07-16", 30, null, "active"],
  ["2026-01-01", "2026-06-16", 0, null, "active"],
  ["2026-06-15", "2026-06-15", 0, null, "expiring_soon"],
  // 6: otherwise active; a missing start has started, a missing end never ends.
  [null, null, 30, null, "active"],
  ["2026-01-01", null, 365, null, "active"],
  [null, "2027-12-31", 365, null, "active"],
];

async function statusOf(start: string | null, end: string | null, notice: number, override: string | null) {
  const [row] = await ownerPrisma().$queryRaw<Array<{ status: string }>>`
    SELECT ${agreementStatusSql(Prisma.sql`${TODAY}::date`)} AS status
      FROM (SELECT ${start}::date AS start_date, ${end}::date AS end_date,
                   ${notice}::int AS notice_days, ${override}::text AS override_status) a`;
  return row!.status;
}

// Opening this file's database is slow on a busy machine: a hook (60 s) pays
// for it, not the first case (20 s).
beforeAll(async () => {
  await ownerPrisma().$queryRaw`SELECT 1`;
});

describe("agreement_status()", () => {
  it.each(cases)("start %s, end %s, notice %i, override %s → %s", async (start, end, notice, override, expected) => {
    expect(await statusOf(start, end, notice, override)).toBe(expected);
  });
});

describe("today is the account's date in its time zone", () => {
  async function todayFor(timeZone: string) {
    const userId = await newUserId("zone");
    await ownerPrisma().user.update({ where: { id: userId }, data: { timeZone } });
    const [row] = await asUser(userId, (db) => db.$queryRaw<Array<{ today: string; utc: string }>>`
      SELECT app_today()::text AS today, (now() AT TIME ZONE 'UTC')::date::text AS utc`);
    return row!;
  }

  it("is the UTC date for an account in UTC", async () => {
    const { today, utc } = await todayFor("UTC");
    expect(today).toBe(utc);
  });

  it("follows the account's zone where its date differs from UTC's", async () => {
    // Kiritimati is UTC+14, Niue UTC−11: at any moment at least one of them is
    // on another calendar date than UTC.
    const dateIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
    const [east, west] = [await todayFor("Pacific/Kiritimati"), await todayFor("Pacific/Niue")];
    expect(east.today).toBe(dateIn("Pacific/Kiritimati"));
    expect(west.today).toBe(dateIn("Pacific/Niue"));
    expect(east.today !== east.utc || west.today !== west.utc).toBe(true);
  });

  it("decides the status: an agreement ending on the zone's today is expiring, not expired", async () => {
    const userId = await newUserId("zone");
    await ownerPrisma().user.update({ where: { id: userId }, data: { timeZone: "Pacific/Kiritimati" } });
    const [row] = await asUser(userId, (db) => db.$queryRaw<Array<{ status: string }>>`
      SELECT ${agreementStatusSql()} AS status
        FROM (SELECT NULL::date AS start_date, app_today() AS end_date, 0 AS notice_days, NULL::text AS override_status) a
       CROSS JOIN ${TODAY_FROM}`);
    expect(row!.status).toBe("expiring_soon");
  });

  it("falls back to UTC when nobody is bound", async () => {
    const [row] = await ownerPrisma().$queryRaw<Array<{ same: boolean }>>`
      SELECT app_today() = (now() AT TIME ZONE 'UTC')::date AS same`;
    expect(row!.same).toBe(true);
  });
});

// Inlined, the status is plain SQL over the row; called as a function it
// costs a call per agreement, and app_today() a lookup per call: what made
// /agreements take seconds at 20,000 agreements (docs/decisions/0009).
describe("the status is inlined into the statements that select it", () => {
  async function plan(query: Prisma.Sql): Promise<string> {
    const userId = await newUserId("plan");
    const rows = await asUser(userId, (db) => db.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN (VERBOSE) ${query}`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  it("for every agreement of a user", async () => {
    const text = await plan(Prisma.sql`SELECT ${agreementStatusSql()} FROM customer_agreements a CROSS JOIN ${TODAY_FROM}`);
    expect(text).toContain("expiring_soon");
    expect(text).not.toMatch(/agreement_status\(/);
  });

  it("in the customer list's hint and the overview's count", async () => {
    const text = await plan(Prisma.sql`SELECT ${EXPIRING_SOON_SQL}, ${ACTIVE_AGREEMENTS_SQL} FROM customers c`);
    expect(text).toContain("expiring_soon");
    expect(text).not.toMatch(/agreement_status\(/);
  });
});
