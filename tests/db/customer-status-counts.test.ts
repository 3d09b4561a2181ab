import { CUSTOMER_STATUSES } from "~/customers/constants";
import { countByStatus } from "~/customers/list.server";
import { asUser } from "~/db/scope.server";
import { newUserId, sql } from "../support/db";

/**
 * customer_status_counts, kept by statement-level triggers on customers
 * (migration customer_status_counts, decision 0022), must equal a live count
 * after every kind of write: the list's filter bar reads it instead of
 * counting. Each step below is compared with count(*) over the live rows.
 */

interface Count {
  status: string;
  n: number;
}

const byKey = (rows: Count[]) => Object.fromEntries(rows.filter((row) => row.n !== 0).map((row) => [row.status, row.n]));

async function stored(userId: string): Promise<Record<string, number>> {
  return byKey(await sql<Count>("SELECT status, n FROM customer_status_counts WHERE user_id = $1", [userId]));
}

async function live(userId: string): Promise<Record<string, number>> {
  return byKey(
    await sql<Count>("SELECT status, count(*)::int AS n FROM customers WHERE user_id = $1 AND deleted_at IS NULL GROUP BY status", [userId]),
  );
}

async function expectInStep(userId: string, step: string): Promise<void> {
  expect(await stored(userId), step).toEqual(await live(userId));
}

async function insert(userId: string, statuses: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    "INSERT INTO customers (user_id, name, status) SELECT $1, 'Counted ' || s, s FROM unnest($2::text[]) AS s RETURNING id",
    [userId, statuses],
  );
  return rows.map((row) => row.id);
}

describe("the stored customer counts per status", () => {
  it("follow inserts, status changes, archiving, restoring, deleting and bulk writes, for this user only", async () => {
    const userId = await newUserId("counts");
    const other = await newUserId("other");
    await insert(other, ["lead", "live"]);
    await expectInStep(userId, "no customers");
    expect(await stored(userId)).toEqual({});

    const [a, b, c] = await insert(userId, ["lead", "lead", "live"]);
    await insert(userId, ["on_hold"]);
    await expectInStep(userId, "inserted, one statement of three and one of one");
    expect(await stored(userId)).toEqual({ lead: 2, live: 1, on_hold: 1 });

    await sql("UPDATE customers SET status = 'live' WHERE id = $1", [a]);
    await expectInStep(userId, "a status change");
    await sql("UPDATE customers SET info = '{\"vertical\":\"Retail\"}', updated_at = now() WHERE id = $1", [b]);
    await expectInStep(userId, "an edit that leaves the status alone");
    await sql("UPDATE customers SET status = 'lead' WHERE id = $1", [b]);
    await expectInStep(userId, "a status set to what it was");

    await sql("UPDATE customers SET deleted_at = now() WHERE id = $1", [c]);
    await expectInStep(userId, "archived");
    await sql("UPDATE customers SET status = 'prospect' WHERE id = $1", [c]);
    await expectInStep(userId, "an archived customer's status change counts nowhere");
    await sql("UPDATE customers SET deleted_at = NULL WHERE id = $1", [c]);
    await expectInStep(userId, "restored, in its new status");
    expect(await stored(userId)).toEqual({ lead: 1, live: 1, prospect: 1, on_hold: 1 });

    await sql("UPDATE customers SET status = CASE status WHEN 'lead' THEN 'live' ELSE 'lead' END WHERE user_id = $1", [userId]);
    await expectInStep(userId, "every customer's status in one statement");
    await sql("DELETE FROM customers WHERE id = $1", [a]);
    await expectInStep(userId, "a live customer deleted");
    await sql("UPDATE customers SET deleted_at = now() WHERE id = $1", [b]);
    await sql("DELETE FROM customers WHERE id = $1", [b]);
    await expectInStep(userId, "an archived customer purged");

    expect(await stored(other)).toEqual({ lead: 1, live: 1 });
    await expectInStep(other, "the other user untouched");
  });

  it("are what the list's counts show, and go with their user", async () => {
    const userId = await newUserId("shown");
    await insert(userId, [...CUSTOMER_STATUSES, "live", "live"]);
    const counts = await countByStatus(userId);
    for (const status of CUSTOMER_STATUSES) expect(counts[status]).toBe(status === "live" ? 3 : 1);
    expect(counts.all).toBe(CUSTOMER_STATUSES.length + 2);

    await sql("DELETE FROM users WHERE id = $1", [userId]);
    expect(await sql("SELECT 1 FROM customer_status_counts WHERE user_id = $1", [userId])).toEqual([]);
  });

  it("are the app's to read, not to write", async () => {
    const userId = await newUserId("readonly");
    await insert(userId, ["lead"]);
    await expect(asUser(userId, (db) => db.$executeRaw`UPDATE customer_status_counts SET n = 99 WHERE user_id = ${userId}::uuid`)).rejects.toThrow(
      /permission denied/,
    );
    const other = await newUserId("hidden");
    await insert(other, ["live"]);
    const seen = await asUser(userId, (db) => db.$queryRaw<Count[]>`SELECT status, n FROM customer_status_counts`);
    expect(seen).toEqual([{ status: "lead", n: 1 }]);
  });
});
