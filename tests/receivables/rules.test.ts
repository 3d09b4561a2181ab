import type { AgingBucket, InvoiceDisplayStatus } from "~/receivables/constants";
import { ownerPrisma } from "../setup/owner";

/**
 * The receivables rules (DOMAIN.md), evaluated by PostgreSQL itself: the SQL
 * functions every read selects. Every rule and every boundary, today pinned.
 */

const TODAY = "2026-06-15";

type StatusCase = [status: string, amount: string, paid: string, due: string, expected: InvoiceDisplayStatus];

const statusCases: StatusCase[] = [
  // A draft or a void invoice shows its stored status, whatever was paid or when it was due.
  ["draft", "100.00", "0.00", "2026-01-01", "draft"],
  ["draft", "100.00", "100.00", "2026-12-31", "draft"],
  ["void", "100.00", "0.00", "2026-01-01", "void"],
  ["void", "100.00", "250.00", "2026-12-31", "void"],
  // Paid in full, or more, is paid, even long overdue.
  ["sent", "100.00", "100.00", "2026-01-01", "paid"],
  ["sent", "100.00", "100.20", "2026-06-20", "paid"],
  ["sent", "0.01", "0.01", "2026-06-14", "paid"],
  // One cent short is not paid: overdue once the due date is past (yesterday), partly paid or not.
  ["sent", "100.00", "99.99", "2026-06-14", "overdue"],
  ["sent", "100.00", "0.00", "2026-06-14", "overdue"],
  ["sent", "100.00", "0.00", "2025-01-01", "overdue"],
  // Due today is not overdue.
  ["sent", "100.00", "0.00", "2026-06-15", "open"],
  ["sent", "100.00", "0.01", "2026-06-15", "partial"],
  ["sent", "100.00", "99.99", "2026-07-15", "partial"],
  ["sent", "100.00", "0.00", "2026-07-15", "open"],
];

type AgingCase = [due: string, expected: AgingBucket];

const agingCases: AgingCase[] = [
  ["2027-01-01", "current"],
  ["2026-06-16", "current"],
  ["2026-06-15", "current"],
  ["2026-06-14", "1-30"],
  ["2026-05-16", "1-30"],
  ["2026-05-15", "31-60"],
  ["2026-04-16", "31-60"],
  ["2026-04-15", "61-90"],
  ["2026-03-17", "61-90"],
  ["2026-03-16", "90+"],
  ["2020-01-01", "90+"],
];

// Opening this file's database is slow on a busy machine: a hook pays for it, not the first case.
beforeAll(async () => {
  await ownerPrisma().$queryRaw`SELECT 1`;
});

describe("invoice_display_status()", () => {
  it.each(statusCases)("%s, amount %s, paid %s, due %s → %s", async (status, amount, paid, due, expected) => {
    const [row] = await ownerPrisma().$queryRaw<Array<{ status: string }>>`
      SELECT invoice_display_status(${status}, ${amount}::numeric, ${paid}::numeric, ${due}::date, ${TODAY}::date) AS status`;
    expect(row!.status).toBe(expected);
  });
});

describe("aging_bucket()", () => {
  it.each(agingCases)("due %s → %s", async (due, expected) => {
    const [row] = await ownerPrisma().$queryRaw<Array<{ bucket: string }>>`SELECT aging_bucket(${due}::date, ${TODAY}::date) AS bucket`;
    expect(row!.bucket).toBe(expected);
  });
});
