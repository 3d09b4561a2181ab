import { getDatabase } from "~/db/db.server";
import { ownerPrisma as prisma } from "../setup/owner";
import { insertCommercials, insertCustomer, insertEvents, insertUser } from "../../prisma/factories";

async function sql<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  return getDatabase().withConnection((conn) => conn.query<Row>(text, params));
}

let userId: string;
let customerId: string;
let projectId: string;

beforeAll(async () => {
  userId = (await insertUser(prisma(), { email: `schema-${Date.now()}@example.com`, name: "Schema" })).id;
  customerId = (await insertCustomer(prisma(), userId, { name: "Check Co", status: "lead" })).id;
  projectId = (await prisma().project.create({ data: { customerId, name: "P" } })).id;
});

describe("CHECK constraints reject bad values", () => {
  const cases: Array<[string, () => [string, unknown[]]]> = [
    ["customers.status", () => ["INSERT INTO customers (user_id, name, status) VALUES ($1, 'x', 'bogus')", [userId]]],
    ["customer_agreements.override_status", () => ["INSERT INTO customer_agreements (customer_id, scope, override_status) VALUES ($1, 's', 'cancelled')", [customerId]]],
    ["customer_receivables.type", () => ["INSERT INTO customer_receivables (customer_id, type, amount, date) VALUES ($1, 'refund', 1, CURRENT_DATE)", [customerId]]],
    ["customer_projects.status", () => ["INSERT INTO customer_projects (customer_id, name, status) VALUES ($1, 'p', 'done')", [customerId]]],
    ["customer_artifacts.status", () => ["INSERT INTO customer_artifacts (project_id, customer_id, title, status) VALUES ($1, $2, 't', 'published')", [projectId, customerId]]],
    ["customer_chat_messages.role", () => ["INSERT INTO customer_chat_messages (customer_id, role, content) VALUES ($1, 'system', 'c')", [customerId]]],
    ["customer_chat_messages.agent_type", () => ["INSERT INTO customer_chat_messages (customer_id, role, content, agent_type) VALUES ($1, 'user', 'c', 'sales')", [customerId]]],
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
      await sql("INSERT INTO customer_agreements (customer_id, scope, override_status) VALUES ($1, 's', $2)", [customerId, overrideStatus]);
    }
  });

  it("keeps money exact to the cent", async () => {
    const [row] = await sql<{ amount: string }>(
      "INSERT INTO customer_receivables (customer_id, type, amount, date) VALUES ($1, 'invoice', 1234567.891, CURRENT_DATE) RETURNING amount::text",
      [customerId],
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
    await insertEvents(prisma(), doomed.id, 3);
    await insertCommercials(prisma(), doomed.id);
    const project = await prisma().project.findFirstOrThrow({ where: { customerId: doomed.id } });
    await prisma().artifact.create({ data: { customerId: doomed.id, projectId: project.id, title: "Spec" } });
    await prisma().chatMessage.create({ data: { customerId: doomed.id, role: "user", content: "hi" } });

    const children = ["customer_agreements", "customer_receivables", "customer_projects", "customer_artifacts", "customer_events", "customer_chat_messages"];
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
    expect(byName.idx_customers_user_id_id).toMatch(/\(user_id, id\)/);
  });
});
