import { randomUUID } from "node:crypto";
import { getDatabase } from "~/db/db.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { ownerPrisma } from "../setup/owner";
import { signedUpUser } from "../auth-helpers";
import { ownerExec, sql } from "../support/db";

/**
 * What the app's "both or neither" rests on: an interactive Prisma
 * transaction that fails really rolls back, and leaves the connection usable.
 * PGlite is the risky engine: it is one connection shared by every query of
 * the process, so a transaction left open or aborted there would swallow or
 * break everyone's next queries. The same tests run on PostgreSQL.
 */

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

let userId: string;

beforeAll(async () => {
  userId = (await signedUpUser()).id;
});

/** A marker that names the rows one test writes. */
function marker(label: string): string {
  return `${label} ${randomUUID()}`;
}

async function rowsNamed(name: string) {
  const customers = await ownerPrisma().customer.findMany({ where: { name }, select: { id: true } });
  const events = await ownerPrisma().customerEvent.count({ where: { title: name } });
  return { customers: customers.length, events };
}

/** Two writes that a failing transaction must take back together. */
async function writeTwo(tx: Tx, name: string) {
  const customer = await tx.customer.create({ data: { userId, name, status: "lead", info: {} } });
  await tx.customerEvent.create({ data: { userId, customerId: customer.id, eventType: "note", title: name } });
  return customer;
}

/**
 * No transaction was left open or aborted. PGlite: a ROLLBACK on its single
 * connection must not take back a row written just before (it would, were a
 * transaction still open). PostgreSQL: no session of this database sits idle
 * in a transaction.
 */
async function expectNoTransactionLeft() {
  const probe = marker("probe");
  await ownerPrisma().customer.create({ data: { userId, name: probe, status: "lead", info: {} } });
  if (getDatabase().engine === "pglite") {
    await sql("ROLLBACK");
  } else {
    const idle = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
    );
    expect(idle[0]!.n).toBe(0);
  }
  expect((await rowsNamed(probe)).customers).toBe(1);
  // And ordinary queries work, several at once.
  const counts = await Promise.all(Array.from({ length: 10 }, () => ownerPrisma().customer.count()));
  expect(new Set(counts).size).toBe(1);
}

describe(`an error inside a transaction rolls it back (${getDatabase().engine})`, () => {
  it("a statement that fails after two writes takes both back, and the next query works", async () => {
    const name = marker("failing statement");
    await expect(
      ownerPrisma().$transaction(async (tx) => {
        await writeTwo(tx, name);
        expect(await tx.customer.count({ where: { name } })).toBe(1); // visible inside
        await tx.$executeRaw`SELECT 1 / 0`;
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    await expectNoTransactionLeft();

    // A good transaction right after commits.
    const kept = marker("after the failure");
    await ownerPrisma().$transaction((tx) => writeTwo(tx, kept));
    expect(await rowsNamed(kept)).toEqual({ customers: 1, events: 1 });
  });

  it("a constraint violation in the second write takes back the first", async () => {
    const name = marker("constraint");
    await expect(
      ownerPrisma().$transaction(async (tx) => {
        const customer = await tx.customer.create({ data: { userId, name, status: "lead", info: {} } });
        await tx.$executeRaw`UPDATE customers SET status = 'not-a-status' WHERE id = ${customer.id}::uuid`;
      }),
    ).rejects.toThrow(/check constraint|violates/i);
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    await expectNoTransactionLeft();
  });

  it("an error thrown by the callback itself (not SQL) takes the writes back", async () => {
    const name = marker("thrown");
    await expect(
      ownerPrisma().$transaction(async (tx) => {
        await writeTwo(tx, name);
        throw new Error("the code changed its mind");
      }),
    ).rejects.toThrow("the code changed its mind");
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    await expectNoTransactionLeft();
  });

  it("after a failed statement the transaction refuses further work, and nothing of it is committed", async () => {
    const name = marker("aborted");
    const later = marker("aborted, later");
    await expect(
      ownerPrisma().$transaction(async (tx) => {
        await writeTwo(tx, name);
        await tx.$executeRaw`SELECT 1 / 0`.catch(() => undefined); // swallowed by mistake
        await tx.customer.create({ data: { userId, name: later, status: "lead", info: {} } });
      }),
    ).rejects.toThrow(/current transaction is aborted|25P02/);
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    expect(await rowsNamed(later)).toEqual({ customers: 0, events: 0 });
    await expectNoTransactionLeft();
  });

  it("a swallowed error still commits nothing (whatever the driver then reports)", async () => {
    const name = marker("swallowed");
    const outcome = await ownerPrisma()
      .$transaction(async (tx) => {
        await writeTwo(tx, name);
        await tx.$executeRaw`SELECT 1 / 0`.catch(() => undefined); // swallowed by mistake
        return "claims success";
      })
      .then(
        (value) => `resolved: ${value}`,
        (error: unknown) => `rejected: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`,
      );
    // PostgreSQL answers the COMMIT of an aborted transaction with ROLLBACK, not
    // an error, and neither adapter turns that into one: the callback's result
    // comes back although nothing was written. So code inside a transaction must
    // never swallow a database error; this only shows that nothing half-done stays.
    console.log(`swallowed error inside a transaction (${getDatabase().engine}) → ${outcome}`);
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    await expectNoTransactionLeft();
  });

  it("an error raised only at COMMIT (a deferred constraint) fails the transaction and writes nothing", async () => {
    const name = marker("fails at commit");
    await ownerExec(`
      CREATE OR REPLACE FUNCTION reliability_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected fault at commit'; END $$;
      CREATE CONSTRAINT TRIGGER reliability_fail_at_commit AFTER INSERT ON customer_events
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.title = '${name}')
        EXECUTE FUNCTION reliability_fail_at_commit();`);
    try {
      await expect(ownerPrisma().$transaction((tx) => writeTwo(tx, name))).rejects.toThrow(/injected fault at commit/);
      expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
      await expectNoTransactionLeft();
    } finally {
      await ownerExec("DROP TRIGGER IF EXISTS reliability_fail_at_commit ON customer_events;");
    }
  });

  it("a transaction that outlives its timeout is rolled back, and its late writes fail", async () => {
    const name = marker("timeout");
    const late = marker("timeout, late");
    let lateWrite: Promise<unknown> | undefined;
    await expect(
      ownerPrisma().$transaction(
        async (tx) => {
          await writeTwo(tx, name);
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          lateWrite = tx.customer.create({ data: { userId, name: late, status: "lead", info: {} } });
          await lateWrite;
        },
        { timeout: 300 },
      ),
    ).rejects.toThrow(/timeout|expired|closed/i);
    await lateWrite?.catch(() => undefined);
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    expect(await rowsNamed(late)).toEqual({ customers: 0, events: 0 });
    await expectNoTransactionLeft();
  });

  it("writes made outside a failing transaction while it is open are kept, not swept into its rollback", async () => {
    const name = marker("failing, open");
    const outside = Array.from({ length: 10 }, (_, index) => marker(`outside ${index}`));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const failing = ownerPrisma().$transaction(async (tx) => {
      await writeTwo(tx, name);
      opened();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.$executeRaw`SELECT 1 / 0`;
    });
    await isOpen;
    const writes = outside.map((title) =>
      ownerPrisma().customer.create({ data: { userId, name: title, status: "lead", info: {} } }),
    );
    const [failed, ...written] = await Promise.allSettled([failing, ...writes]);
    expect(failed!.status).toBe("rejected");
    expect(written.map((result) => result.status)).toEqual(outside.map(() => "fulfilled"));
    expect(await rowsNamed(name)).toEqual({ customers: 0, events: 0 });
    for (const title of outside) expect((await rowsNamed(title)).customers).toBe(1);
    await expectNoTransactionLeft();
  });

  it("twenty transactions at once, every other one failing: exactly the good ones commit", async () => {
    const names = Array.from({ length: 20 }, (_, index) => marker(`batch ${index}`));
    const settled = await Promise.allSettled(
      names.map((name, index) =>
        ownerPrisma().$transaction(async (tx) => {
          await writeTwo(tx, name);
          if (index % 2) await tx.$executeRaw`SELECT 1 / 0`;
        }),
      ),
    );
    expect(settled.map((result) => result.status)).toEqual(names.map((_, index) => (index % 2 ? "rejected" : "fulfilled")));
    const rows = await Promise.all(names.map((name) => rowsNamed(name)));
    expect(rows).toEqual(names.map((_, index) => (index % 2 ? { customers: 0, events: 0 } : { customers: 1, events: 1 })));
    await expectNoTransactionLeft();
  });
});
