import { ownerPrisma } from "../setup/owner";

/**
 * customer_receivables.paid and receivable_open_days are kept by triggers
 * (decision 0017): after every kind of change to an invoice or a payment they
 * equal a recount from the rows, and a customer's cascade leaves nothing
 * behind.
 */

const db = () => ownerPrisma();

let userId: string;
let customerId: string;

beforeAll(async () => {
  const [user] = await db().$queryRaw<Array<{ id: string }>>`
    INSERT INTO users (email, name) VALUES ('stored-paid@example.test', 'Stored paid') RETURNING id`;
  userId = user!.id;
});

beforeEach(async () => {
  const [customer] = await db().$queryRaw<Array<{ id: string }>>`
    INSERT INTO customers (user_id, name) VALUES (${userId}::uuid, 'Payer') RETURNING id`;
  customerId = customer!.id;
});

async function invoice(amount: string, status = "sent"): Promise<string> {
  const [row] = await db().$queryRaw<Array<{ id: string }>>`
    INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, status)
    VALUES (${userId}::uuid, ${customerId}::uuid, 'invoice', ${amount}::numeric, current_date, ${status}) RETURNING id`;
  return row!.id;
}

async function payment(amount: string, invoiceId: string | null, status = "received"): Promise<string> {
  const [row] = await db().$queryRaw<Array<{ id: string }>>`
    INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, status, linked_invoice_id)
    VALUES (${userId}::uuid, ${customerId}::uuid, 'payment', ${amount}::numeric, current_date, ${status}, ${invoiceId}::uuid) RETURNING id`;
  return row!.id;
}

/** The stored paid and a recount, for each of the customer's invoices. */
async function storedAndRecounted(): Promise<Array<{ stored: string; recounted: string }>> {
  return db().$queryRaw`
    SELECT i.paid::numeric(20,2)::text AS stored,
           (SELECT coalesce(sum(p.amount), 0) FROM customer_receivables p
             WHERE p.linked_invoice_id = i.id AND p.type = 'payment' AND p.status = 'received')::numeric(20,2)::text AS recounted
      FROM customer_receivables i
     WHERE i.customer_id = ${customerId}::uuid AND i.type = 'invoice'
     ORDER BY i.created_at, i.id`;
}

async function paidOf(invoiceId: string): Promise<string> {
  const [row] = await db().$queryRaw<Array<{ paid: string }>>`
    SELECT paid::numeric(20,2)::text AS paid FROM customer_receivables WHERE id = ${invoiceId}::uuid`;
  return row!.paid;
}

/** The user's open amount per due date, as stored and as recounted from the invoices. */
async function openDays(): Promise<{ stored: Array<[string, string]>; recounted: Array<[string, string]> }> {
  const stored = await db().$queryRaw<Array<{ day: string; open: string }>>`
    SELECT due_date::text AS day, open::numeric(20,2)::text AS open FROM receivable_open_days
     WHERE user_id = ${userId}::uuid AND open <> 0 ORDER BY due_date`;
  const recounted = await db().$queryRaw<Array<{ day: string; open: string }>>`
    SELECT due_date::text AS day, sum(amount - paid)::numeric(20,2)::text AS open FROM customer_receivables
     WHERE user_id = ${userId}::uuid AND type = 'invoice' AND status = 'sent' AND paid < amount
     GROUP BY due_date ORDER BY due_date`;
  const pairs = (rows: Array<{ day: string; open: string }>) => rows.map((row): [string, string] => [row.day, row.open]);
  return { stored: pairs(stored), recounted: pairs(recounted) };
}

async function expectConsistent() {
  for (const { stored, recounted } of await storedAndRecounted()) expect(stored).toBe(recounted);
  const days = await openDays();
  expect(days.stored).toEqual(days.recounted);
}

it("adds a received payment to its invoice, and nothing for a void one or a credit", async () => {
  const a = await invoice("100.00");
  await payment("30.10", a);
  await payment("0.01", a);
  await payment("50.00", a, "void");
  await payment("20.00", null);
  expect(await paidOf(a)).toBe("30.11");
  await expectConsistent();
});

it("follows a payment that is voided, changes amount, moves to another invoice, is applied from credit or deleted", async () => {
  const a = await invoice("100.00");
  const b = await invoice("80.00");
  const p = await payment("40.00", a);
  const credit = await payment("15.55", null);

  await db().$executeRaw`UPDATE customer_receivables SET amount = 45.25 WHERE id = ${p}::uuid`;
  expect([await paidOf(a), await paidOf(b)]).toEqual(["45.25", "0.00"]);

  await db().$executeRaw`UPDATE customer_receivables SET linked_invoice_id = ${b}::uuid WHERE id = ${p}::uuid`;
  expect([await paidOf(a), await paidOf(b)]).toEqual(["0.00", "45.25"]);

  await db().$executeRaw`UPDATE customer_receivables SET linked_invoice_id = ${a}::uuid WHERE id = ${credit}::uuid`;
  expect(await paidOf(a)).toBe("15.55");

  await db().$executeRaw`UPDATE customer_receivables SET status = 'void' WHERE id = ${p}::uuid`;
  expect(await paidOf(b)).toBe("0.00");

  await db().$executeRaw`UPDATE customer_receivables SET description = 'no money moves' WHERE id = ${credit}::uuid`;
  expect(await paidOf(a)).toBe("15.55");

  await db().$executeRaw`DELETE FROM customer_receivables WHERE id = ${credit}::uuid`;
  expect(await paidOf(a)).toBe("0.00");
  await expectConsistent();
});

it("moves an invoice's open amount when it is paid, changes amount or due date, is voided or deleted", async () => {
  const a = await invoice("100.00");
  const b = await invoice("40.00", "draft");
  await expectConsistent();
  await payment("25.00", a);
  await expectConsistent();
  await db().$executeRaw`UPDATE customer_receivables SET amount = 130.50, due_date = due_date + 45 WHERE id = ${a}::uuid`;
  await expectConsistent();
  await db().$executeRaw`UPDATE customer_receivables SET status = 'sent' WHERE id = ${b}::uuid`;
  await expectConsistent();
  await payment("105.50", a);
  await expectConsistent();
  await db().$executeRaw`UPDATE customer_receivables SET status = 'void' WHERE id = ${b}::uuid`;
  await expectConsistent();
  await db().$executeRaw`DELETE FROM customer_receivables WHERE type = 'payment' AND customer_id = ${customerId}::uuid`;
  await db().$executeRaw`DELETE FROM customer_receivables WHERE id = ${a}::uuid`;
  await expectConsistent();
});

it("keeps an overpayment whole, so the invoice's credit is what it was paid beyond its amount", async () => {
  const a = await invoice("10.00");
  await payment("10.20", a);
  const [row] = await db().$queryRaw<Array<{ balance: string }>>`
    SELECT (amount - paid)::numeric(20,2)::text AS balance FROM customer_receivables WHERE id = ${a}::uuid`;
  expect(row!.balance).toBe("-0.20");
});

it("refuses a paid amount set by hand on a payment, or below zero", async () => {
  const a = await invoice("10.00");
  const p = await payment("5.00", a);
  await expect(db().$executeRaw`UPDATE customer_receivables SET paid = 1 WHERE id = ${p}::uuid`).rejects.toThrow(/customer_receivables_paid_check/);
  await expect(db().$executeRaw`UPDATE customer_receivables SET paid = -1 WHERE id = ${a}::uuid`).rejects.toThrow(/customer_receivables_paid_check/);
});

it("lets a customer's cascade delete its invoices and payments in one statement", async () => {
  const a = await invoice("100.00");
  await payment("60.00", a);
  await payment("40.00", a);
  await db().$executeRaw`DELETE FROM customers WHERE id = ${customerId}::uuid`;
  const [left] = await db().$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM customer_receivables WHERE customer_id = ${customerId}::uuid`;
  expect(left!.n).toBe(0);
  await expectConsistent();
});

it("counts payments inserted in the same statement as their invoice (as the bench's generator writes them)", async () => {
  const [row] = await db().$queryRaw<Array<{ paid: string }>>`
    WITH inv AS (
      INSERT INTO customer_receivables (user_id, customer_id, type, amount, date)
      VALUES (${userId}::uuid, ${customerId}::uuid, 'invoice', 90, current_date) RETURNING id
    ), pay AS (
      INSERT INTO customer_receivables (user_id, customer_id, type, amount, date, linked_invoice_id)
      SELECT ${userId}::uuid, ${customerId}::uuid, 'payment', 30, current_date, inv.id FROM inv, generate_series(1, 2)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM pay)::text AS paid`;
  expect(row!.paid).toBe("2");
  const [stored] = await storedAndRecounted();
  expect(stored).toEqual({ stored: "60.00", recounted: "60.00" });
});
