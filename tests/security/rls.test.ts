import { listAgreements } from "~/agreements/agreements.server";
import { archiveCustomer } from "~/customers/archive.server";
import { listCustomers } from "~/customers/list.server";
import { getOverview } from "~/customers/overview.server";
import { listProjects } from "~/projects/projects.server";
import { listReceivables } from "~/receivables/receivables.server";
import { APP_ROLE } from "~/db/connection.server";
import { getDatabase } from "~/db/db.server";
import { anonymously, asUser, type Db } from "~/db/scope.server";
import { withRequestScope } from "~/http/request-scope.server";
import { Prisma } from "~/generated/prisma/client";
import { insertCommercials, insertCustomer, insertEvents, insertUser } from "../../prisma/factories";
import { ownerPrisma } from "../setup/owner";
import { CHILD_TABLES } from "../support/db";

/**
 * The second wall: row-level security. These queries deliberately leave out
 * the app's own `user_id` filters and go through the app's role and the
 * request's transaction, as a forgetful query in the app would.
 */

const TABLES = ["customers", ...CHILD_TABLES] as const;

interface Tenant {
  userId: string;
  customerId: string;
}

async function makeTenant(label: string): Promise<Tenant> {
  const owner = ownerPrisma();
  const user = await insertUser(owner, { email: `${label}-${Date.now()}-${Math.random()}@example.com`, name: label });
  const customer = await insertCustomer(owner, user.id, { name: `${label} Co` });
  await insertEvents(owner, customer, 2);
  await insertCommercials(owner, customer);
  const project = await owner.project.findFirstOrThrow({ where: { customerId: customer.id } });
  const keys = { userId: user.id, customerId: customer.id };
  await owner.artifact.create({ data: { ...keys, projectId: project.id, title: `${label} doc` } });
  await owner.chatMessage.create({ data: { ...keys, role: "user", content: `${label} says hi` } });
  return { userId: user.id, customerId: customer.id };
}

/** Every row of every tenant table the query can see, with the customer it belongs to. */
async function visibleCustomerIds(db: Db): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  for (const table of TABLES) {
    const column = table === "customers" ? "id" : "customer_id";
    const rows = await db.$queryRawUnsafe<Array<{ owner: string }>>(`SELECT DISTINCT ${column}::text AS owner FROM ${table}`);
    seen[table] = rows.map((row) => row.owner).sort();
  }
  return seen;
}

function inRequest<T>(work: () => Promise<T>): Promise<T> {
  let result: T;
  return withRequestScope(new Request("http://localhost/test"), async () => {
    result = await work();
    return new Response(null, { status: 204 });
  }).then(() => result);
}

let alice: Tenant;
let bob: Tenant;

beforeAll(async () => {
  alice = await makeTenant("alice");
  bob = await makeTenant("bob");
});

describe("the database itself", () => {
  it("enables and forces row-level security on all seven tables", async () => {
    const rows = await getDatabase().withConnection((conn) =>
      conn.query<{ relname: string; enabled: boolean; forced: boolean; policies: number }>(
        `SELECT c.relname, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c WHERE c.relname = ANY($1::text[]) ORDER BY c.relname`,
        [TABLES],
      ),
    );
    expect(rows).toHaveLength(TABLES.length);
    for (const row of rows) expect(row).toMatchObject({ enabled: true, forced: true, policies: 4 });
  });

  it("guards every child table by its own user_id: a plain comparison, no per-row function", async () => {
    const policies = await getDatabase().withConnection((conn) =>
      conn.query<{ tablename: string; cmd: string; qual: string | null; with_check: string | null }>(
        `SELECT tablename::text, cmd, qual, with_check FROM pg_policies
          WHERE schemaname = 'public' AND tablename = ANY($1::text[]) ORDER BY tablename, cmd`,
        [CHILD_TABLES],
      ),
    );
    expect(policies).toHaveLength(CHILD_TABLES.length * 4);
    const rule = "(user_id = app_user_id())";
    for (const policy of policies) {
      const expected = {
        SELECT: { qual: rule, with_check: null },
        INSERT: { qual: null, with_check: rule },
        UPDATE: { qual: rule, with_check: rule },
        DELETE: { qual: rule, with_check: null },
      }[policy.cmd];
      expect({ qual: policy.qual, with_check: policy.with_check }, `${policy.tablename} ${policy.cmd}`).toEqual(expected);
    }
    const [helper] = await getDatabase().withConnection((conn) =>
      conn.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'is_customer_owner'"),
    );
    expect(helper!.n).toBe(0);
  });

  it("runs the app's work as a role that neither owns the tables nor bypasses RLS", async () => {
    const [role] = await asUser(alice.userId, (db) =>
      db.$queryRaw<Array<{ current: string; superuser: boolean; bypass: boolean; owns: boolean }>>`
        SELECT current_user::text AS current, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
               EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'customers' AND c.relowner = r.oid) AS owns
          FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ current: APP_ROLE, superuser: false, bypass: false, owns: false });
  });
});

describe("with the app's filters bypassed", () => {
  it("a user's transaction sees only their own rows, in every table", async () => {
    const seen = await inRequest(() => asUser(alice.userId, visibleCustomerIds));
    for (const table of TABLES) expect(seen[table], table).toEqual([alice.customerId]);
  });

  it("another user's child rows are invisible in every child table, by customer and by user id", async () => {
    const seen = await asUser(alice.userId, async (db) => {
      const counts: Record<string, number> = {};
      for (const table of CHILD_TABLES) {
        const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1::uuid OR user_id = $2::uuid`,
          bob.customerId,
          bob.userId,
        );
        counts[table] = row!.n;
      }
      return counts;
    });
    expect(seen).toEqual(Object.fromEntries(CHILD_TABLES.map((table) => [table, 0])));
    // They are there: the owner (no RLS) sees them.
    for (const table of CHILD_TABLES) {
      const [row] = await getDatabase().withConnection((conn) =>
        conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [bob.userId]),
      );
      expect(row!.n, table).toBeGreaterThan(0);
    }
  });

  it("a transaction with no user sees nothing at all", async () => {
    const seen = await inRequest(() => anonymously(visibleCustomerIds));
    for (const table of TABLES) expect(seen[table], table).toEqual([]);
  });

  it("a user set in an earlier transaction is gone ('' after set_config), so the next sees nothing", async () => {
    await asUser(alice.userId, (db) => db.$queryRaw`SELECT 1`);
    const [setting] = await anonymously((db) =>
      db.$queryRaw<Array<{ value: string | null }>>`SELECT current_setting('app.user_id', true) AS value`,
    );
    // PGlite shares one session: there the setting reads back as '' rather than NULL.
    expect(setting!.value ?? "").toBe("");
    const seen = await anonymously(visibleCustomerIds);
    for (const table of TABLES) expect(seen[table], table).toEqual([]);
  });

  it("cannot change or delete another user's rows: zero rows affected", async () => {
    const counts = await asUser(alice.userId, async (db) => ({
      update: await db.$executeRaw`UPDATE customers SET name = 'pwned' WHERE id = ${bob.customerId}::uuid`,
      events: await db.$executeRaw`UPDATE customer_events SET title = 'pwned' WHERE customer_id = ${bob.customerId}::uuid`,
      deleteEvents: await db.$executeRaw`DELETE FROM customer_events WHERE customer_id = ${bob.customerId}::uuid`,
      deleteCustomer: await db.$executeRaw`DELETE FROM customers WHERE id = ${bob.customerId}::uuid`,
    }));
    expect(counts).toEqual({ update: 0, events: 0, deleteEvents: 0, deleteCustomer: 0 });
    const bobsCustomer = await ownerPrisma().customer.findUniqueOrThrow({ where: { id: bob.customerId } });
    expect(bobsCustomer.name).toBe("bob Co");
    expect(await ownerPrisma().customerEvent.count({ where: { customerId: bob.customerId } })).toBe(2);
  });

  it("cannot insert rows for another user, nor under their customer", async () => {
    await expect(
      asUser(alice.userId, (db) => db.$executeRaw`INSERT INTO customers (user_id, name) VALUES (${bob.userId}::uuid, 'planted')`),
    ).rejects.toThrow(/row-level security/);
    // A child row in bob's name, under bob's customer: the policy's WITH CHECK refuses it.
    await expect(
      asUser(alice.userId, (db) =>
        db.$executeRaw`INSERT INTO customer_events (user_id, customer_id, title) VALUES (${bob.userId}::uuid, ${bob.customerId}::uuid, 'planted')`,
      ),
    ).rejects.toThrow(/row-level security/);
    // In alice's name, under bob's customer: the policy passes, the composite foreign key does not.
    await expect(
      asUser(alice.userId, (db) =>
        db.$executeRaw`INSERT INTO customer_events (user_id, customer_id, title) VALUES (${alice.userId}::uuid, ${bob.customerId}::uuid, 'planted')`,
      ),
    ).rejects.toThrow(/foreign key|23503/i);
    // Leaving user_id out is refused too (NULL is nobody's).
    await expect(
      asUser(alice.userId, (db) =>
        db.$executeRaw`INSERT INTO customer_events (customer_id, title) VALUES (${alice.customerId}::uuid, 'planted')`,
      ),
    ).rejects.toThrow(/row-level security|null value/);
    await expect(
      asUser(alice.userId, (db) =>
        db.$executeRaw`UPDATE customers SET user_id = ${bob.userId}::uuid WHERE id = ${alice.customerId}::uuid`,
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await ownerPrisma().customer.count({ where: { name: "planted" } })).toBe(0);
    expect(await ownerPrisma().customerEvent.count({ where: { title: "planted" } })).toBe(0);
  });

  it("cannot move a child row to another user or under another user's customer", async () => {
    const [event] = await asUser(alice.userId, (db) =>
      db.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM customer_events WHERE customer_id = ${alice.customerId}::uuid LIMIT 1`,
    );
    await expect(
      asUser(alice.userId, (db) => db.$executeRaw`UPDATE customer_events SET user_id = ${bob.userId}::uuid WHERE id = ${event!.id}::uuid`),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asUser(alice.userId, (db) =>
        db.$executeRaw`UPDATE customer_events SET customer_id = ${bob.customerId}::uuid WHERE id = ${event!.id}::uuid`,
      ),
    ).rejects.toThrow(/foreign key|23503/i);
    const stored = await ownerPrisma().customerEvent.findUniqueOrThrow({ where: { id: event!.id } });
    expect(stored).toMatchObject({ userId: alice.userId, customerId: alice.customerId });
  });

  it("a child row in the user's own name, under their own customer, is accepted", async () => {
    const inserted = await asUser(alice.userId, (db) =>
      db.$executeRaw`INSERT INTO customer_events (user_id, customer_id, title) VALUES (${alice.userId}::uuid, ${alice.customerId}::uuid, 'legit')`,
    );
    expect(inserted).toBe(1);
    await ownerPrisma().customerEvent.deleteMany({ where: { title: "legit" } });
  });

  it("hides archived customers, even from their owner, unless asked", async () => {
    const carol = await makeTenant("carol");
    expect(await archiveCustomer({ userId: carol.userId, customerId: carol.customerId })).not.toBeNull();
    const hidden = await asUser(carol.userId, visibleCustomerIds);
    expect(hidden.customers).toEqual([]);
    const archived = await asUser(carol.userId, (db) => db.customer.findMany({ select: { id: true } }), { archived: true });
    expect(archived).toEqual([{ id: carol.customerId }]);
  });

  it("leaves an archived customer's children to the app's reads: still its owner's alone under RLS, absent from every read", async () => {
    const dan = await makeTenant("dan");
    expect(await archiveCustomer({ userId: dan.userId, customerId: dan.customerId })).not.toBeNull();
    // The child policies compare user_id only: the rows are still dan's, and nobody else's.
    const asDan = await asUser(dan.userId, visibleCustomerIds);
    for (const table of CHILD_TABLES) expect(asDan[table], table).toEqual([dan.customerId]);
    const asAlice = await asUser(alice.userId, visibleCustomerIds);
    for (const table of CHILD_TABLES) expect(asAlice[table], table).not.toContain(dan.customerId);
    // Every read of child rows joins its live customer, so none of them shows.
    expect(await getOverview({ userId: dan.userId, customerId: dan.customerId })).toBeNull();
    expect(await listAgreements({ userId: dan.userId, customerId: dan.customerId })).toEqual([]);
    expect(await listReceivables({ userId: dan.userId, customerId: dan.customerId })).toEqual([]);
    expect(await listProjects({ userId: dan.userId, customerId: dan.customerId })).toEqual([]);
    const list = await listCustomers(dan.userId, { sort: "updated_at", limit: 25 });
    expect(list.items).toEqual([]);
  });
});

describe("one transaction per request", () => {
  function transactionId(db: Db) {
    return db.$queryRaw<Array<{ id: string }>>`SELECT txid_current()::text AS id`.then(([row]) => row!.id);
  }

  it("all of a request's database work shares one transaction; the next request gets another", async () => {
    const first = await inRequest(async () => [
      await anonymously(transactionId),
      await asUser(alice.userId, transactionId),
      await asUser(alice.userId, transactionId),
    ]);
    expect(new Set(first).size).toBe(1);
    const second = await inRequest(() => asUser(alice.userId, transactionId));
    expect(second).not.toBe(first[0]);
  });

  it("refuses to act for two users in one request", async () => {
    await expect(
      inRequest(async () => {
        await asUser(alice.userId, transactionId);
        await asUser(bob.userId, transactionId);
      }),
    ).rejects.toThrow(/one user/);
  });

  it("commits a request's writes with its response, and rolls them all back on a 5xx", async () => {
    const rename = (name: string) =>
      asUser(alice.userId, (db) => db.$executeRaw`UPDATE customers SET name = ${name} WHERE id = ${alice.customerId}::uuid`);
    const failed = await withRequestScope(new Request("http://localhost/test"), async () => {
      await rename("Half-written");
      return new Response("boom", { status: 500 });
    });
    expect(failed.status).toBe(500);
    expect((await ownerPrisma().customer.findUniqueOrThrow({ where: { id: alice.customerId } })).name).toBe("alice Co");
    await inRequest(() => rename("alice Renamed"));
    expect((await ownerPrisma().customer.findUniqueOrThrow({ where: { id: alice.customerId } })).name).toBe("alice Renamed");
    await inRequest(() => rename("alice Co"));
  });

  it("keeps the transaction usable after a failed atomic step (the savepoint undoes only that step)", async () => {
    const outcome = await inRequest(async () => {
      await asUser(alice.userId, (db) => db.$executeRaw`UPDATE customers SET name = 'Step one' WHERE id = ${alice.customerId}::uuid`);
      const failure = await asUser(
        alice.userId,
        async (db) => {
          await db.$executeRaw`UPDATE customers SET name = 'Step two' WHERE id = ${alice.customerId}::uuid`;
          await db.$executeRaw`SELECT 1 / 0`;
        },
        { atomic: true },
      ).catch((error: unknown) => error);
      const [row] = await asUser(alice.userId, (db) =>
        db.$queryRaw<Array<{ name: string }>>`SELECT name FROM customers WHERE id = ${alice.customerId}::uuid`,
      );
      return { failure, name: row!.name };
    });
    expect(outcome.failure).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(outcome.name).toBe("Step one");
    await inRequest(() =>
      asUser(alice.userId, (db) => db.$executeRaw`UPDATE customers SET name = 'alice Co' WHERE id = ${alice.customerId}::uuid`),
    );
  });
});

describe("search under RLS", () => {
  it("the trigram match function sees only the transaction's user, and nobody's without one", async () => {
    const owner = ownerPrisma();
    const dave = await insertUser(owner, { email: `dave-${Date.now()}@example.com`, name: "Dave" });
    const erin = await insertUser(owner, { email: `erin-${Date.now()}@example.com`, name: "Erin" });
    const daves = await insertCustomer(owner, dave.id, { name: "Quuxotic Labs" });
    await insertCustomer(owner, erin.id, { name: "Quuxotic Labs" });
    const match = (db: Db) =>
      db.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM search_customer_ids('%uuxoti%', 10) AS id`;
    expect(await asUser(dave.id, match)).toEqual([{ id: daves.id }]);
    expect(await anonymously(match)).toEqual([]);
    const counts = (db: Db) =>
      db.$queryRaw<Array<{ status: string; n: number }>>`SELECT status, n FROM search_customer_status_counts('%uuxoti%')`;
    expect(await asUser(dave.id, counts)).toEqual([{ status: daves.status, n: 1 }]);
    expect(await anonymously(counts)).toEqual([]);
  });
});

describe("the archived customers' ids under RLS", () => {
  it("are the transaction's user's only, archived only, and nobody's without a user; the archived view ends with the call", async () => {
    const owner = ownerPrisma();
    const frank = await insertUser(owner, { email: `frank-${Date.now()}@example.com`, name: "Frank" });
    const gina = await insertUser(owner, { email: `gina-${Date.now()}@example.com`, name: "Gina" });
    const franks = await insertCustomer(owner, frank.id, { name: "Archived Frank Co" });
    await insertCustomer(owner, frank.id, { name: "Live Frank Co" });
    const ginas = await insertCustomer(owner, gina.id, { name: "Archived Gina Co" });
    await owner.customer.updateMany({ where: { id: { in: [franks.id, ginas.id] } }, data: { deletedAt: new Date() } });
    const archived = (db: Db) =>
      db.$queryRaw<Array<{ id: string; after: string }>>`
        SELECT id::text AS id, coalesce(current_setting('app.archived', true), '') AS after FROM archived_customer_ids() AS id`;
    expect(await asUser(frank.id, archived)).toEqual([{ id: franks.id, after: "" }]);
    expect(await anonymously(archived)).toEqual([]);
  });
});

describe("a failed statement the handler swallowed", () => {
  it("turns an apparently successful answer into a 500, and keeps none of the request's writes", async () => {
    const response = await withRequestScope(new Request("http://localhost/api/test"), async () => {
      await asUser(alice.userId, (db) => db.$executeRaw`UPDATE customers SET name = 'Swallowed' WHERE id = ${alice.customerId}::uuid`);
      await asUser(alice.userId, (db) => db.$executeRaw`SELECT 1 / 0`).catch(() => undefined);
      return new Response("{}", { status: 200 });
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal_error" });
    expect((await ownerPrisma().customer.findUniqueOrThrow({ where: { id: alice.customerId } })).name).toBe("alice Co");
  });
});
