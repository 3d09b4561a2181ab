import { agreementStatusSql } from "~/agreements/agreements.server";
import type { AgreementStatus } from "~/agreements/status";
import { Prisma } from "~/generated/prisma/client";
import { ownerPrisma } from "../setup/owner";

/**
 * The agreement status rule, evaluated by PostgreSQL itself: the same SQL
 * expression the tab and the overview's stat select.
 */

type Row = [start: string | null, end: string | null, override: string | null, expected: AgreementStatus];

const TODAY = "2026-06-15";

const cases: Row[] = [
  [null, null, null, "active"],
  ["2026-01-01", null, null, "active"],
  [null, "2026-12-31", null, "active"],
  ["2026-06-15", "2026-06-15", null, "active"],
  ["2026-06-16", null, null, "upcoming"],
  ["2026-06-16", "2026-12-31", null, "upcoming"],
  ["2026-01-01", "2026-06-14", null, "ended"],
  [null, "2026-06-14", null, "ended"],
  ["2026-01-01", "2026-12-31", "suspended", "suspended"],
  ["2026-06-16", null, "suspended", "suspended"],
  ["2026-01-01", "2026-06-14", "terminated", "terminated"],
  [null, null, "terminated", "terminated"],
];

async function statusOf(start: string | null, end: string | null, override: string | null, today = TODAY) {
  const [row] = await ownerPrisma().$queryRaw<Array<{ status: string }>>`
    SELECT ${agreementStatusSql(Prisma.sql`${today}::date`)} AS status
      FROM (SELECT ${start}::date AS start_date, ${end}::date AS end_date, ${override}::text AS override_status) a`;
  return row!.status;
}

describe("agreementStatusSql", () => {
  it.each(cases)("start %s, end %s, override %s → %s", async (start, end, override, expected) => {
    expect(await statusOf(start, end, override)).toBe(expected);
  });

  it("defaults today to the database's current date", async () => {
    const [row] = await ownerPrisma().$queryRaw<Array<{ status: string }>>`
      SELECT ${agreementStatusSql()} AS status
        FROM (SELECT CURRENT_DATE + 1 AS start_date, NULL::date AS end_date, NULL::text AS override_status) a`;
    expect(row!.status).toBe("upcoming");
  });
});
