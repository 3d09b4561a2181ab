import { ownerPrisma as prisma } from "../setup/owner";
import { insertCommercials, insertCustomer, insertEvents, insertUser } from "../../prisma/factories";
import { CHILD_TABLES, newUserId, sql } from "../support/db";

let userId: string;
let customerId: string;
let projectId: string;

beforeAll(async () => {
  userId = await newUserId("Schema");
  customerId = (await insertCustomer(prisma(), userId, { name: "Check Co", status: "lead" })).id;
  projectId = (await prisma().project.create({ data: { userId, customerId, name: "P" } })).id;
});

describe("CHECK constraints reject bad values", () => {
  const cases: Array<[string, () => [string, unknown[]]]> = [
    ["customers.status", () => ["INSERT INTO customers (user_id, name, status) VALUES ($1, 'x', 'bogus')", [userId]]],
    ["customer_agreements.override_status", () => ["INSERT INTO customer_agreements (user_id, customer_id, scope, override_status) VALUES ($1, $2, 's', 'cancelled')", [userId, customerId]]],
    ["customer_receivables.type", () => ["INSERT INTO customer_receivables (user_id, customer_id, type, amount, date) VALUES ($1, $2, 'refund', 1, CURRENT_DATE)", [userId, customerId]]],
    ["customer_projects.status", () => ["INSERT INTO customer_projects (user_id, customer_id, name, status) VALUES ($1, $2, 'p', 'done')", [userId, customerId]]],
    ["customer_artifacts.status", () => ["INSERT INTO customer_artifacts (project_id, user_id, customer_id, title, status) VALUES ($1, $2, $3, 't', 'published')", [projectId, userId, customerId]]],
    ["customer_chat_messages.role", () => ["INSERT INTO customer_chat_messages (user_id, customer_id, role, content) VALUES ($1, $2, 'system', 'c')", [userId, customerId]]],
    ["customer_chat_messages.agent_type", () => ["INSERT INTO customer_chat_messages (user_id, customer_id, role, content, agent_type) VALUES ($1, $2, 'user', 'c', 'sales')", [userId, customerId]]],
    ["users.email lower-case", () => ["INSERT INTO users (email, name) VALUES ('Upper@Example.com', 'u')", []]],
  ];

  it.each(cases)("%s", async (_name, build) => {
    const [text, params] = build();
    await expect(sql(text, params)).rejects.toThrow(/violates check constraint/);
  });

  it("accepts every valid customer status and agreement override", async () => {
    for (const status of ["lead", "prospect", "negotiation", "live", "on_hold", "archive"]) {
      await sql("INSERT INTO customers (user_id, name, status) VALUES ($1, 'ok', $2)", [userId, status]);
    }
    for (const overrideStatus of ["terminated", "suspended", null]) {
      await sql("INSERT INTO customer_agreements (user_id, customer_id, scope, override_status) VALUES ($1, $2, 's', $3)", [userId, customerId, overrideStatus]);
    }
  });

  const receivable = (columns: string, values: string): [string, unknown[]] => [
    `INSERT INTO customer_receivables (user_id, customer_id, ${columns}) VALUES ($1, $2, ${values})`,
    [userId, customerId],
  ];
  it.each<[string, () => [string, unknown[]]]>([
    ["an invoice's status is draft, sent or void", () => receivable("type, amount, date, status", "'invoice', 1, CURRENT_DATE, 'received'")],
    ["a payment's status is received or void", () => receivable("type, amount, date, status", "'payment', 1, CURRENT_DATE, 'draft'")],
    ["a status is never a display status", () => receivable("type, amount, date, status", "'invoice', 1, CURRENT_DATE, 'paid'")],
    ["an amount is above zero", () => receivable("type, amount, date", "'invoice', 0, CURRENT_DATE")],
    ["a negative amount too", () => receivable("type, amount, date", "'payment', -5, CURRENT_DATE")],
    ["an invoice is not due before its date", () => receivable("type, amount, date, due_date", "'invoice', 1, '2026-03-02', '2026-03-01'")],
    ["a payment has no due date", () => receivable("type, amount, date, due_date", "'payment', 1, '2026-03-02', '2026-03-09'")],
  ])("customer_receivables: %s", async (_name, build) => {
    const [text, params] = build();
    await expect(sql(text, params)).rejects.toThrow(/violates check constraint/);
  });

  it("defaults a payment to received and an invoice's due date to the account's payment terms", async () => {
    await sql("UPDATE users SET payment_terms_days = 21 WHERE id = $1", [userId]);
    const rows = await sql<{ type: string; status: string; due: string | null }>(
      `INSERT INTO customer_receivables (user_id, customer_id, type, amount, date)
       VALUES ($1, $2, 'invoice', 1, '2026-02-20'), ($1, $2, 'payment', 1, '2026-02-20')
       RETURNING type, status, due_date::text AS due`,
      [userId, customerId],
    );
    expect(rows).toEqual([
      { type: "invoice", status: "sent", due: "2026-03-13" },
      { type: "payment", status: "received", due: null },
    ]);
  });

  it("keeps an invoice number unique among the user's invoices, not among payments or across users", async () => {
    const insert = (owner: string, customer: string, type: string) =>
      sql("INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, reference) VALUES ($1, $2, $3, 1, CURRENT_DATE, 'UNIQ-1')", [
        owner,
        customer,
        type,
      ]);
    await insert(userId, customerId, "invoice");
    await insert(userId, customerId, "payment");
    await insert(userId, customerId, "payment");
    await expect(insert(userId, customerId, "invoice")).rejects.toThrow(/duplicate key/);
    const neighbour = await newUserId("Neighbour");
    const theirs = await insertCustomer(prisma(), neighbour, { name: "Theirs" });
    await insert(neighbour, theirs.id, "invoice");
  });

  it("keeps links within the row's customer, and only a payment names an invoice", async () => {
    const other = await insertCustomer(prisma(), userId, { name: "Other Co" });
    const [invoice] = await sql<{ id: string }>(
      "INSERT INTO customer_receivables (user_id, customer_id, type, amount, date) VALUES ($1, $2, 'invoice', 1, CURRENT_DATE) RETURNING id",
      [userId, other.id],
    );
    const [agreement] = await sql<{ id: string }>("INSERT INTO customer_agreements (user_id, customer_id, scope) VALUES ($1, $2, 's') RETURNING id", [
      userId,
      other.id,
    ]);
    await expect(
      sql("INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, linked_invoice_id) VALUES ($1, $2, 'payment', 1, CURRENT_DATE, $3)", [
        userId,
        customerId,
        invoice!.id,
      ]),
    ).rejects.toThrow(/violates foreign key constraint/);
    await expect(
      sql("INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, linked_agreement_id) VALUES ($1, $2, 'invoice', 1, CURRENT_DATE, $3)", [
        userId,
        customerId,
        agreement!.id,
      ]),
    ).rejects.toThrow(/violates foreign key constraint/);
    await expect(
      sql("INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, linked_invoice_id) VALUES ($1, $2, 'invoice', 1, CURRENT_DATE, $3)", [
        userId,
        other.id,
        invoice!.id,
      ]),
    ).rejects.toThrow(/violates check constraint/);
  });

  it("keeps money exact to the cent", async () => {
    const [row] = await sql<{ amount: string }>(
      "INSERT INTO customer_receivables (user_id, customer_id, type, amount, date) VALUES ($1, $2, 'invoice', 1234567.891, CURRENT_DATE) RETURNING amount::text",
      [userId, customerId],
    );
    expect(row!.amount).toBe("1234567.89");
  });
});

describe("defaults", () => {
  it("gives a new customer the spec's defaults", async () => {
    const [row] = await sql<{ status: string; info: unknown; deleted_at: unknown; created_at: Date; updated_at: Date }>(
      "INSERT INTO customers (user_id, name) VALUES ($1, 'Defaults') RETURNING status, info, deleted_at, created_at, updated_at",
      [userId],
    );
    expect(row).toMatchObject({ status: "lead", info: {}, deleted_at: null });
    expect(row!.created_at).toBeInstanceOf(Date);
  });
});

describe("updated_at triggers", () => {
  it.each([
    ["customers", () => customerId, "name = name || '!'"],
    ["customer_projects", () => projectId, "name = name || '!'"],
  ])("moves %s.updated_at forward on update", async (table, id, set) => {
    const [before] = await sql<{ updated_at: Date }>(`SELECT updated_at FROM ${table} WHERE id = $1`, [id()]);
    await new Promise((resolve) => setTimeout(resolve, 25));
    // The statement does not touch updated_at: only the trigger can move it.
    await sql(`UPDATE ${table} SET ${set} WHERE id = $1`, [id()]);
    const [after] = await sql<{ updated_at: Date }>(`SELECT updated_at FROM ${table} WHERE id = $1`, [id()]);
    expect(after!.updated_at.getTime()).toBeGreaterThanOrEqual(before!.updated_at.getTime() + 20);
  });

  it("has a trigger on each of the spec's five tables with updated_at", async () => {
    const rows = await sql<{ tgname: string }>(
      "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '%updated_at' ORDER BY tgname",
    );
    expect(rows.map((row) => row.tgname)).toEqual(
      expect.arrayContaining([
        "customer_agreements_updated_at",
        "customer_artifacts_updated_at",
        "customer_projects_updated_at",
        "customer_receivables_updated_at",
        "customers_updated_at",
      ]),
    );
  });
});

describe("deleting a customer row", () => {
  it("cascades to every child table", async () => {
    const doomed = await insertCustomer(prisma(), userId, { name: "Doomed" });
    await insertEvents(prisma(), doomed, 3);
    await insertCommercials(prisma(), doomed);
    const project = await prisma().project.findFirstOrThrow({ where: { customerId: doomed.id } });
    await prisma().artifact.create({ data: { userId, customerId: doomed.id, projectId: project.id, title: "Spec" } });
    await prisma().chatMessage.create({ data: { userId, customerId: doomed.id, role: "user", content: "hi" } });

    const children = CHILD_TABLES;
    const count = async (table: string) =>
      Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [doomed.id]))[0]!.n);
    for (const table of children) expect(await count(table)).toBeGreaterThan(0);

    await sql("DELETE FROM customers WHERE id = $1", [doomed.id]);
    for (const table of children) expect(await count(table)).toBe(0);
  });

  it("deleting a user removes their customers and sessions", async () => {
    const user = await insertUser(prisma(), { email: `gone-${Date.now()}@example.com`, name: "Gone" });
    await insertCustomer(prisma(), user.id);
    await prisma().session.create({ data: { id: `s-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() + 1000) } });
    await prisma().user.delete({ where: { id: user.id } });
    expect(await prisma().customer.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("indexes", () => {
  it("has the spec's partial index and the trigram index on the name", async () => {
    const rows = await sql<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customers'",
    );
    const byName = Object.fromEntries(rows.map((row) => [row.indexname, row.indexdef]));
    expect(byName.idx_customers_deleted_at).toMatch(/WHERE \(deleted_at IS NULL\)/);
    expect(byName.idx_customers_name_trgm).toMatch(/USING gin \(name gin_trgm_ops\)/);
    expect(byName.customers_user_id_id_key).toMatch(/CREATE UNIQUE INDEX .* \(user_id, id\)$/);
  });

  it("has (user_id, customer_id) on every child table, for its policy, its per-customer reads and its cascade", async () => {
    const rows = await sql<{ tablename: string; indexdef: string }>(
      "SELECT tablename::text, indexdef FROM pg_indexes WHERE tablename = ANY($1::text[])",
      [CHILD_TABLES],
    );
    for (const table of CHILD_TABLES) {
      const definitions = rows.filter((row) => row.tablename === table).map((row) => row.indexdef);
      // Leading an index is enough: customer_projects' carries the status after them (the board).
      expect(definitions.some((definition) => / \(user_id, customer_id(, \w+)*\)$/.test(definition)), table).toBe(true);
      // The (customer_id)-only index it replaced is gone.
      expect(definitions.some((definition) => / \(customer_id\)$/.test(definition)), table).toBe(false);
    }
  });
});

describe("tenancy keys on the child tables", () => {
  it("every child carries a NOT NULL user_id, tied to its customer's by a composite foreign key", async () => {
    const columns = await sql<{ table_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name::text, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'user_id' AND table_name = ANY($1::text[])`,
      [CHILD_TABLES],
    );
    expect(columns.map((column) => column.table_name).sort()).toEqual([...CHILD_TABLES].sort());
    for (const column of columns) expect(column, column.table_name).toMatchObject({ data_type: "uuid", is_nullable: "NO" });

    const keys = await sql<{ child: string; definition: string }>(
      `SELECT conrelid::regclass::text AS child, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY($1::text[])
          AND confrelid = 'customers'::regclass`,
      [CHILD_TABLES],
    );
    for (const table of CHILD_TABLES) {
      // Exactly one reference to customers, on both columns: none on customer_id alone.
      expect(keys.filter((key) => key.child === table).map((key) => key.definition), table).toEqual([
        "FOREIGN KEY (user_id, customer_id) REFERENCES customers(user_id, id) ON DELETE CASCADE",
      ]);
    }
    const [artifactProject] = await sql<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE contype = 'f' AND conrelid = 'customer_artifacts'::regclass AND confrelid = 'customer_projects'::regclass`,
    );
    expect(artifactProject!.definition).toBe(
      "FOREIGN KEY (project_id, customer_id) REFERENCES customer_projects(id, customer_id) ON DELETE CASCADE",
    );
  });

  it("refuses a child whose user_id is not its customer's, even from the owner (no RLS involved)", async () => {
    const other = await insertUser(prisma(), { email: `other-${Date.now()}@example.com`, name: "Other" });
    for (const table of ["customer_agreements", "customer_events"]) {
      const extra = table === "customer_agreements" ? ", scope" : ", title";
      await expect(
        sql(`INSERT INTO ${table} (user_id, customer_id${extra}) VALUES ($1, $2, 'x')`, [other.id, customerId]),
      ).rejects.toThrow(/violates foreign key constraint/);
    }
  });

  it("refuses an artifact under a project of another customer", async () => {
    const sibling = await insertCustomer(prisma(), userId, { name: "Sibling Co" });
    await expect(
      sql("INSERT INTO customer_artifacts (project_id, user_id, customer_id, title) VALUES ($1, $2, $3, 't')", [
        projectId,
        userId,
        sibling.id,
      ]),
    ).rejects.toThrow(/violates foreign key constraint "customer_artifacts_project_id_customer_id_fkey"/);
  });
});
