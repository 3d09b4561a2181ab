import { listAgreementsAcrossCustomers, ACROSS_PAGE_SIZE } from "~/agreements/across-customers.server";
import { STATUS_ORDER, type AgreementStatus } from "~/agreements/constants";
import { createAgreement } from "~/agreements/lifecycle.server";
import { currentStatusCounts } from "~/agreements/status-counts.server";
import { archiveCustomer, restoreCustomer } from "~/customers/archive.server";
import { asUser } from "~/db/scope.server";
import { insertCustomer } from "../../prisma/factories";
import { ownerPrisma } from "../setup/owner";
import { DAY_MS, newUserId, sql } from "../support/db";

/**
 * /agreements reads each status from its own index range and keeps its
 * counts stored per user (migration agreement_status_counts). These prove the
 * ranges lose nothing against the plain rule (every agreement's status,
 * sorted), and that a stored count never outlives a write.
 */

const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** Every status, dated and open-ended, with ties on the end date. */
async function mixedAgreements(userId: string, customerIds: string[], count: number) {
  const rows: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = index % 9;
    const start = kind === 3 ? isoDay(5 + (index % 4)) : isoDay(-400);
    const end =
      kind === 0 ? isoDay(index % 20) // expiring soon (notice 30) or active
      : kind === 1 ? null
      : kind === 2 ? isoDay(-(1 + (index % 5)))
      : kind === 3 ? (index % 2 ? null : isoDay(40 + (index % 3)))
      : kind === 4 ? isoDay(100 + (index % 3))
      : kind === 5 ? isoDay(-(index % 3)) // expired, or ends today (expiring soon)
      : kind === 6 ? isoDay(365 + (index % 2)) // past any notice window
      : isoDay(index % 50);
    const override = kind === 7 ? "suspended" : kind === 8 ? (index % 2 ? "terminated" : null) : null;
    const customerId = customerIds[index % customerIds.length]!;
    rows.push(`('${userId}', '${customerId}', 'A${index}', 'other', '{}', '${start}', ${end ? `'${end}'` : "NULL"}, ${index % 60}, ${override ? `'${override}'` : "NULL"})`);
  }
  await sql(`INSERT INTO customer_agreements (user_id, customer_id, scope, type, pricing, start_date, end_date, notice_days, override_status)
             VALUES ${rows.join(",")}`);
}

/** The order by the plain rule: every agreement's status computed and sorted. */
async function expectedOrder(userId: string, status?: AgreementStatus): Promise<string[]> {
  const rows = await sql<{ scope: string }>(
    `SELECT scope FROM (
       SELECT a.scope, a.id, a.end_date,
              agreement_status(a.start_date, a.end_date, a.notice_days, a.override_status, (now() AT TIME ZONE 'UTC')::date) AS status
         FROM customer_agreements a JOIN customers c ON c.id = a.customer_id AND c.deleted_at IS NULL
        WHERE a.user_id = $1) s
      WHERE $2::text IS NULL OR s.status = $2
      ORDER BY array_position($3::text[], s.status), coalesce(s.end_date, 'infinity'::date), s.id`,
    [userId, status ?? null, [...STATUS_ORDER]],
  );
  return rows.map((row) => row.scope);
}

async function walk(userId: string, status?: AgreementStatus): Promise<string[]> {
  const seen: string[] = [];
  let cursor: Parameters<typeof listAgreementsAcrossCustomers>[1]["cursor"] = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await listAgreementsAcrossCustomers(userId, { status, cursor });
    expect(page.rows.length).toBeLessThanOrEqual(ACROSS_PAGE_SIZE);
    seen.push(...page.rows.map((row) => row.scope));
    if (!page.nextCursor) break;
    cursor = JSON.parse(Buffer.from(page.nextCursor, "base64url").toString("utf8")) as typeof cursor;
  }
  return seen;
}

let userId: string;

beforeAll(async () => {
  userId = await newUserId("across");
  const customers = [];
  for (let index = 0; index < 4; index += 1) customers.push(await insertCustomer(ownerPrisma(), userId, { name: `C${index}` }));
  await mixedAgreements(userId, customers.map((customer) => customer.id), 260);
  // An archived customer's agreements are left out.
  const archived = await insertCustomer(ownerPrisma(), userId, { name: "Archived" });
  await mixedAgreements(userId, [archived.id], 20);
  await sql(`UPDATE customers SET deleted_at = now() WHERE id = $1`, [archived.id]);
});

describe("the page order equals the plain rule's", () => {
  it("over every status, page by page", async () => {
    const expected = await expectedOrder(userId);
    expect(expected.length).toBeGreaterThan(3 * ACROSS_PAGE_SIZE);
    expect(await walk(userId)).toEqual(expected);
  });

  it.each(STATUS_ORDER.map((status) => [status]))("for status %s alone", async (status) => {
    const expected = await expectedOrder(userId, status);
    expect(expected.length).toBeGreaterThan(0);
    expect(await walk(userId, status)).toEqual(expected);
  });

  it("with counts equal to the plain rule's", async () => {
    const { counts } = await listAgreementsAcrossCustomers(userId, {});
    for (const status of STATUS_ORDER) expect(counts[status]).toBe((await expectedOrder(userId, status)).length);
    expect(counts.all).toBe((await expectedOrder(userId)).length);
  });
});

describe("stored counts", () => {
  async function stored(id: string) {
    const [row] = await sql<{ version: string; counted_version: string | null; counted_on: string | null }>(
      `SELECT version::text, counted_version::text, counted_on::text FROM agreement_status_counts WHERE user_id = $1`,
      [id],
    );
    return row;
  }

  async function allCount(id: string): Promise<number> {
    return (await listAgreementsAcrossCustomers(id, {})).counts.all;
  }

  it("every new user has a row; a page stores its counts and the next page reuses them", async () => {
    const id = await newUserId("stored");
    const customer = await insertCustomer(ownerPrisma(), id);
    expect(await stored(id)).toMatchObject({ counted_version: null });
    await mixedAgreements(id, [customer.id], 5);
    expect(await allCount(id)).toBe(5);
    const after = await stored(id);
    expect(after!.counted_version).toBe(after!.version);
    expect(after!.counted_on).toBe(isoDay(0));
    // A reused count is the stored one: make it visibly different.
    await sql(`UPDATE agreement_status_counts SET counts = '[{"status":"active","n":99}]' WHERE user_id = $1`, [id]);
    expect(await allCount(id)).toBe(99);
  });

  it("are counted again after an agreement is written, a customer archived or restored, or the day turns", async () => {
    const id = await newUserId("fresh");
    const customer = await insertCustomer(ownerPrisma(), id);
    expect(await allCount(id)).toBe(0);
    const created = await createAgreement({ userId: id, customerId: customer.id, input: { scope: "New", type: "fixed_fee", startDate: isoDay(-1), endDate: null, noticeDays: 30, pricing: { amount: "100.00" } } });
    expect(created).not.toBeNull();
    expect(await allCount(id)).toBe(1);
    await sql(`UPDATE customer_agreements SET override_status = 'terminated' WHERE user_id = $1`, [id]);
    expect((await listAgreementsAcrossCustomers(id, {})).counts.terminated).toBe(1);
    await archiveCustomer({ userId: id, customerId: customer.id });
    expect(await allCount(id)).toBe(0);
    await restoreCustomer({ userId: id, customerId: customer.id });
    expect(await allCount(id)).toBe(1);
    await sql(`DELETE FROM customer_agreements WHERE user_id = $1`, [id]);
    expect(await allCount(id)).toBe(0);
    await mixedAgreements(id, [customer.id], 3);
    await allCount(id);
    await sql(`UPDATE agreement_status_counts SET counts = '[]', counted_on = counted_on - 1 WHERE user_id = $1`, [id]);
    expect(await allCount(id)).toBe(3);
  });

  it("counted under a version a write has since bumped are not stored", async () => {
    const id = await newUserId("race");
    const customer = await insertCustomer(ownerPrisma(), id);
    await mixedAgreements(id, [customer.id], 2);
    const before = await stored(id);
    // As if read before the write that bumped the version to `before`.
    const counts = await asUser(id, (db) => currentStatusCounts(db, id, { version: Number(before!.version) - 1, counts: null }));
    expect(counts.reduce((sum, row) => sum + row.n, 0)).toBe(2);
    expect(await stored(id)).toEqual(before);
  });

  it("are the user's own: another user's row can be neither read nor written, nor a version moved", async () => {
    const alice = await newUserId("alice");
    const bob = await newUserId("bob");
    const seen = await asUser(alice, (db) => db.$queryRaw<Array<{ user_id: string }>>`SELECT user_id::text FROM agreement_status_counts`);
    expect(seen.map((row) => row.user_id)).toEqual([alice]);
    const updated = await asUser(alice, (db) => db.$executeRaw`UPDATE agreement_status_counts SET counts = '[]' WHERE user_id = ${bob}::uuid`);
    expect(updated).toBe(0);
    await expect(asUser(alice, (db) => db.$executeRaw`UPDATE agreement_status_counts SET version = 0 WHERE user_id = ${alice}::uuid`)).rejects.toThrow(/permission denied/);
  });
});
