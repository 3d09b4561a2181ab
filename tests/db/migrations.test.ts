import { inject } from "vitest";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEFAULT_MIGRATIONS_DIR, markRolledBack, migrate, MigrationError, readMigrations } from "~/db/migrate.server";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

// Applying every migration to a fresh PGlite takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

let empty: TestDatabase;
beforeEach(async () => {
  empty = await createTestDatabase(inject("databaseTemplates").empty); // a database with nothing in it
});
afterEach(async () => {
  await empty.dispose();
});

async function tables(test: TestDatabase): Promise<string[]> {
  const rows = await test.database.withConnection((conn) =>
    conn.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    ),
  );
  return rows.map((row) => row.tablename);
}

async function history(test: TestDatabase) {
  return test.database.withConnection((conn) =>
    conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; logs: string | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, logs, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    ),
  );
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "customers-migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

it("applies every migration to an empty database and records them as prisma migrate deploy does", async () => {
  const files = await readMigrations();
  const result = await migrate(empty.database);
  expect(result.applied).toEqual(files.map((file) => file.name));

  expect(await tables(empty)).toEqual(
    expect.arrayContaining([
      "_prisma_migrations",
      "customer_agreements",
      "customer_artifacts",
      "customer_chat_messages",
      "customer_events",
      "customer_projects",
      "customer_receivables",
      "customers",
      "passwords",
      "sessions",
      "users",
    ]),
  );
  const rows = await history(empty);
  expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
  for (const [index, row] of rows.entries()) {
    const sql = files[index]!.sql;
    expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.applied_steps_count).toBe(1);
  }
});

it("applies nothing on a second run", async () => {
  await migrate(empty.database);
  const before = await history(empty);
  const second = await migrate(empty.database);
  expect(second.applied).toEqual([]);
  expect(await history(empty)).toEqual(before);
});

it("rolls a broken migration back whole, then blocks later runs until it is marked rolled back", async () => {
  const dir = await copyMigrations();
  try {
    await migrate(empty.database, { dir });
    const tablesBefore = await tables(empty);

    // The first statement succeeds; the second fails. Neither may remain.
    await addMigration(
      dir,
      "29990101000000_broken",
      "CREATE TABLE half_done (x int);\nALTER TABLE customers ADD COLUMN half_done int;\nSELECT 1/0;\n",
    );
    await expect(migrate(empty.database, { dir })).rejects.toThrow(/29990101000000_broken failed.*division by zero/);
    expect(await tables(empty)).toEqual(tablesBefore);
    const columns = await empty.database.withConnection((conn) =>
      conn.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'half_done'"),
    );
    expect(columns).toHaveLength(0);

    // A later migration is blocked, with a message that says what to do.
    await addMigration(dir, "29990102000000_next", "CREATE TABLE next_table (x int);\n");
    const blocked = migrate(empty.database, { dir });
    await expect(blocked).rejects.toBeInstanceOf(MigrationError);
    await expect(blocked).rejects.toThrow(/29990101000000_broken failed earlier[\s\S]*--rolled-back 29990101000000_broken/);
    expect(await tables(empty)).not.toContain("next_table");

    // Fixed and marked rolled back, both apply.
    await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), "CREATE TABLE half_done (x int);\n");
    expect(await markRolledBack(empty.database, "29990101000000_broken")).toBe(1);
    const result = await migrate(empty.database, { dir });
    expect(result.applied).toEqual(["29990101000000_broken", "29990102000000_next"]);
    expect(await tables(empty)).toEqual(expect.arrayContaining(["half_done", "next_table"]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("warns when an applied migration was edited afterwards", async () => {
  const dir = await copyMigrations();
  try {
    await migrate(empty.database, { dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    const result = await migrate(empty.database, { dir });
    expect(result.applied).toEqual([]);
    expect(result.warnings).toEqual([`Migration ${first!.name} was modified after it was applied.`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("lets only one of two concurrent runs apply each migration", async () => {
  const results = await Promise.all([migrate(empty.database), migrate(empty.database)]);
  const files = await readMigrations();
  expect(results.flatMap((result) => result.applied).sort()).toEqual(files.map((file) => file.name).sort());
  expect(await history(empty)).toHaveLength(files.length);
});

it("gives the customers already there their name key, and the name index is on it, once name_sort_key is applied", async () => {
  const NAME_SORT_KEY = "20261204090000_name_sort_key";
  const dir = await copyMigrations();
  try {
    // The database as it was before: every migration but that one, with customers in it.
    await rm(path.join(dir, NAME_SORT_KEY), { recursive: true, force: true });
    await migrate(empty.database, { dir });
    const names = ["Zebra", "ábaco", "apple", "Émile", "eve", "Eve"];
    await empty.database.withConnection(async (conn) => {
      const [user] = await conn.query<{ id: string }>("INSERT INTO users (email, name) VALUES ('before@example.com', 'Before') RETURNING id");
      for (const name of names) await conn.query("INSERT INTO customers (user_id, name) VALUES ($1, $2)", [user!.id, name]);
    });

    const result = await migrate(empty.database);
    expect(result.applied).toEqual([NAME_SORT_KEY]);
    const rows = await empty.database.withConnection((conn) =>
      conn.query<{ name: string; key: string }>(
        `SELECT name, name_key AS key FROM customers ORDER BY name_key COLLATE "C", name COLLATE "C", id`,
      ),
    );
    expect(rows).toEqual([
      { name: "ábaco", key: "abaco" },
      { name: "apple", key: "apple" },
      { name: "Émile", key: "emile" },
      { name: "Eve", key: "eve" },
      { name: "eve", key: "eve" },
      { name: "Zebra", key: "zebra" },
    ]);
    // Generated: a renamed customer's key follows its name.
    const [renamed] = await empty.database.withConnection((conn) =>
      conn.query<{ key: string }>("UPDATE customers SET name = 'Ærøskøbing' WHERE name = 'Zebra' RETURNING name_key AS key"),
    );
    expect(renamed?.key).toBe("aeroskobing");
    const [index] = await empty.database.withConnection((conn) =>
      conn.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_customers_list_name'"),
    );
    expect(index?.indexdef).toMatch(/\(user_id, name_key COLLATE "C", name COLLATE "C", id\) WHERE \(deleted_at IS NULL\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("gives the team members stored without an id one, keeping the others' ids and the order", async () => {
  const TEAM_MEMBER_IDS = "20261204100000_team_member_ids";
  const dir = await copyMigrations();
  try {
    await rm(path.join(dir, TEAM_MEMBER_IDS), { recursive: true, force: true });
    await migrate(empty.database, { dir });
    const kept = "6f1c1d4e-8a43-4b8e-9a4e-2f4a7c0d9b11";
    const team = [{ name: "Old Ann" }, { id: kept, name: "Has Bob" }, { name: "Old Cy", role: "CTO" }];
    await empty.database.withConnection(async (conn) => {
      const [user] = await conn.query<{ id: string }>("INSERT INTO users (email, name) VALUES ('team@example.com', 'Team') RETURNING id");
      await conn.query("INSERT INTO customers (user_id, name, info) VALUES ($1, 'With team', $2::jsonb)", [user!.id, JSON.stringify({ team })]);
      await conn.query("INSERT INTO customers (user_id, name, info) VALUES ($1, 'No team', '{}'::jsonb)", [user!.id]);
    });

    const updatedAt = () =>
      empty.database.withConnection((conn) => conn.query<{ at: string }>("SELECT updated_at::text AS at FROM customers WHERE name = 'With team'"));
    const before = await updatedAt();
    expect((await migrate(empty.database)).applied).toEqual([TEAM_MEMBER_IDS]);
    expect(await updatedAt()).toEqual(before);
    const [row] = await empty.database.withConnection((conn) =>
      conn.query<{ team: Array<{ id: string; name: string; role?: string }> }>("SELECT info->'team' AS team FROM customers WHERE name = 'With team'"),
    );
    expect(row!.team.map((member) => member.name)).toEqual(["Old Ann", "Has Bob", "Old Cy"]);
    expect(row!.team[1]!.id).toBe(kept);
    expect(row!.team[2]!.role).toBe("CTO");
    const ids = row!.team.map((member) => member.id);
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(3);
    const [untouched] = await empty.database.withConnection((conn) => conn.query<{ info: unknown }>("SELECT info FROM customers WHERE name = 'No team'"));
    expect(untouched!.info).toEqual({});
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("brings the receivables already there within the receivables rules, keeping their money", async () => {
  const RECEIVABLES = "20261206090000_receivables";
  const dir = await copyMigrations();
  try {
    // The receivables migration and the ones after it (which build on its columns) come later.
    const later = (await readdir(dir)).filter((name) => name > RECEIVABLES && !name.endsWith(".toml")).sort();
    for (const name of [RECEIVABLES, ...later]) await rm(path.join(dir, name), { recursive: true, force: true });
    await migrate(empty.database, { dir });
    await empty.database.withConnection(async (conn) => {
      const [user] = await conn.query<{ id: string }>(
        "INSERT INTO users (email, name, payment_terms_days) VALUES ('money@example.com', 'Money', 14) RETURNING id",
      );
      const customer = async (name: string) =>
        (await conn.query<{ id: string }>("INSERT INTO customers (user_id, name) VALUES ($1, $2) RETURNING id", [user!.id, name]))[0]!.id;
      const [mine, theirs] = [await customer("Mine"), await customer("Theirs")];
      const insert = async (customerId: string, values: string) =>
        (
          await conn.query<{ id: string }>(
            `INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, status, reference, linked_invoice_id)
             VALUES ${values} RETURNING id`.replaceAll("$c", `'${customerId}'`).replaceAll("$u", `'${user!.id}'`),
          )
        )[0]!.id;
      const other = await insert(theirs, "($u, $c, 'invoice', 10, '2026-01-01', 'sent', 'INV-1', NULL)");
      const first = await insert(mine, "($u, $c, 'invoice', 100, '2026-02-01', 'paid', 'INV-1', NULL)");
      await insert(mine, `($u, $c, 'payment', -40, '2026-02-03', 'sent', 'refund sign', '${first}')`);
      await insert(mine, `($u, $c, 'payment', 5, '2026-02-04', NULL, 'cross-customer', '${other}')`);
      await insert(mine, `($u, $c, 'invoice', 7, '2026-02-05', 'partial', 'INV-2', '${first}')`);
      await insert(mine, "($u, $c, 'payment', 0, '2026-02-06', 'received', 'nothing', NULL)");
    });

    expect((await migrate(empty.database)).applied).toEqual([RECEIVABLES, ...later]);
    const rows = await empty.database.withConnection((conn) =>
      conn.query<Record<string, string | null>>(
        `SELECT r.type, r.amount::text AS amount, r.status, r.reference, r.due_date::text AS due_date,
                (SELECT i.reference FROM customer_receivables i WHERE i.id = r.linked_invoice_id) AS invoice, c.name AS customer
           FROM customer_receivables r JOIN customers c ON c.id = r.customer_id
          ORDER BY r.date, r.type`,
      ),
    );
    expect(rows).toEqual([
      { type: "invoice", amount: "10.00", status: "sent", reference: "INV-1", due_date: "2026-01-15", invoice: null, customer: "Theirs" },
      // The same number again among the user's invoices gets a suffix; 'paid' is computed now.
      { type: "invoice", amount: "100.00", status: "sent", reference: "INV-1 (2)", due_date: "2026-02-15", invoice: null, customer: "Mine" },
      { type: "payment", amount: "40.00", status: "received", reference: "refund sign", due_date: null, invoice: "INV-1 (2)", customer: "Mine" },
      // A link to another customer's invoice is dropped: the payment becomes credit.
      { type: "payment", amount: "5.00", status: "received", reference: "cross-customer", due_date: null, invoice: null, customer: "Mine" },
      // Only payments name an invoice.
      { type: "invoice", amount: "7.00", status: "sent", reference: "INV-2", due_date: "2026-02-19", invoice: null, customer: "Mine" },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
