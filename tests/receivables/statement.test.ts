import { randomUUID } from "node:crypto";
import { AGING_BUCKETS, type AgingBucket } from "~/receivables/constants";
import { readStatement } from "~/receivables/statement.server";
import * as statementRoute from "~/routes/customers.$id.receivables_.statement";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { call, get } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";
import { cents, MIX, money, PERIOD, seedMix, type SeedRow } from "./statement-fixture";

// The statement of account against sums computed here, independently, in
// exact cents from the seeded rows themselves; then the page's loader: bad
// periods, other users' and archived customers.

let me: { id: string; cookie: string };
let other: { id: string; cookie: string };
let customerId: string;

beforeAll(async () => {
  me = await signedUpUser();
  other = await signedUpUser();
  customerId = (await insertCustomer(prisma(), me.id, { name: "Statement Co", status: "live" })).id;
  await seedMix(me.id, customerId);
  // Another customer of the same user, and another user's: never on this statement.
  const sibling = (await insertCustomer(prisma(), me.id, { name: "Sibling Ltd", status: "live" })).id;
  await seedMix(me.id, sibling, MIX.slice(0, 8), "S-");
  const stranger = (await insertCustomer(prisma(), other.id, { name: "Stranger Ltd", status: "live" })).id;
  await seedMix(other.id, stranger, MIX.slice(0, 8), "X-");
});

const counts = (row: SeedRow) => (row.type === "invoice" ? row.status === "sent" : row.status === "received");
const signed = (row: SeedRow) => (row.type === "invoice" ? cents(row.amount) : -cents(row.amount));
const sum = (rows: SeedRow[], value: (row: SeedRow) => bigint) => rows.reduce((total, row) => total + value(row), 0n);

function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(later) - Date.parse(earlier)) / 86_400_000);
}

function bucketOf(due: string, today: string): AgingBucket {
  const late = daysBetween(due, today);
  if (late <= 0) return "current";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return "90+";
}

/** The statement computed from MIX in JavaScript, with bigint cents. */
function expectedStatement(from: string, to: string) {
  const counted = MIX.filter((row) => counts(row) && row.date <= to);
  const opening = sum(
    counted.filter((row) => row.date < from),
    signed,
  );
  const inPeriod = counted
    .filter((row) => row.date >= from)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.type === b.type ? MIX.indexOf(a) - MIX.indexOf(b) : a.type === "invoice" ? -1 : 1));
  let running = opening;
  const lines = inPeriod.map((row) => {
    running += signed(row);
    return { reference: row.key, balance: money(running) };
  });
  const aging = Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, 0n])) as Record<AgingBucket, bigint>;
  let overpaid = 0n;
  const invoices = counted.filter((row) => row.type === "invoice");
  for (const invoice of invoices) {
    const paid = sum(
      counted.filter((row) => row.type === "payment" && row.invoice === invoice.key),
      (row) => cents(row.amount),
    );
    const open = cents(invoice.amount) - paid;
    if (open > 0n) aging[bucketOf(invoice.due!, to)] += open;
    else overpaid -= open;
  }
  const onStatementInvoices = new Set(invoices.map((row) => row.key));
  const unapplied = sum(
    counted.filter((row) => row.type === "payment" && !(row.invoice && onStatementInvoices.has(row.invoice))),
    (row) => cents(row.amount),
  );
  const outstanding = Object.values(aging).reduce((total, value) => total + value, 0n);
  return {
    opening: money(opening),
    invoiced: money(sum(inPeriod.filter((row) => row.type === "invoice"), signed)),
    received: money(-sum(inPeriod.filter((row) => row.type === "payment"), signed)),
    closing: money(sum(counted, signed)),
    outstanding: money(outstanding),
    credit: money(unapplied + overpaid),
    aging: Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, money(aging[bucket])])),
    lines,
  };
}

describe("readStatement", () => {
  it("matches the independently computed balances, line by line, to the cent", async () => {
    const statement = await readStatement({ userId: me.id, customerId, period: PERIOD });
    const expected = expectedStatement(PERIOD.from, PERIOD.to);
    expect(statement).not.toBeNull();
    expect(statement!.lines.map((line) => ({ reference: line.reference, balance: line.balance }))).toEqual(expected.lines);
    expect(statement).toMatchObject({
      customerName: "Statement Co",
      accountName: "Test User",
      opening: expected.opening,
      invoiced: expected.invoiced,
      received: expected.received,
      closing: expected.closing,
      outstanding: expected.outstanding,
      credit: expected.credit,
      aging: expected.aging,
    });
  });

  it("gives the figures worked out by hand for the seeded mix", async () => {
    const statement = (await readStatement({ userId: me.id, customerId, period: PERIOD }))!;
    expect(statement.opening).toBe("574.50");
    expect(statement.lines.map((line) => line.reference)).toEqual(["INV-7", "INV-4", "PAY-3", "INV-5", "PAY-4", "PAY-6", "INV-6"]);
    expect(statement.lines.map((line) => line.balance)).toEqual(["1074.50", "2274.50", "974.50", "1307.83", "1307.82", "1287.82", "1537.82"]);
    expect(statement.closing).toBe("1537.82");
    expect(statement.aging).toEqual({ current: "250.00", "1-30": "333.33", "31-60": "0.00", "61-90": "0.00", "90+": "1100.00" });
    expect(statement.outstanding).toBe("1683.33");
    // Unapplied 25.50 + 0.01, 20.00 on an invoice dated after the period, 100.00 overpaid on INV-4.
    expect(statement.credit).toBe("145.51");
    expect(cents(statement.outstanding) - cents(statement.credit)).toBe(cents(statement.closing));
    expect(statement.lines.find((line) => line.reference === "PAY-3")).toMatchObject({ type: "payment", amount: "1300.00", invoiceReference: "INV-4" });
  });

  it.each([
    ["a period with nothing in it", "2026-07-02", "2026-07-31"],
    ["a single day", "2026-04-10", "2026-04-10"],
    ["everything", "2020-01-01", "2026-12-31"],
    ["a period before any row", "2025-01-01", "2025-12-31"],
  ])("is exact for %s", async (_label, from, to) => {
    const statement = (await readStatement({ userId: me.id, customerId, period: { from, to } }))!;
    const expected = expectedStatement(from, to);
    expect(statement.lines.map((line) => ({ reference: line.reference, balance: line.balance }))).toEqual(expected.lines);
    expect({ opening: statement.opening, closing: statement.closing, credit: statement.credit, aging: statement.aging }).toEqual({
      opening: expected.opening,
      closing: expected.closing,
      credit: expected.credit,
      aging: expected.aging,
    });
    const buckets = AGING_BUCKETS.reduce((total, bucket) => total + cents(statement.aging[bucket]), 0n);
    expect(buckets).toBe(cents(statement.outstanding));
    expect(cents(statement.outstanding) - cents(statement.credit)).toBe(cents(statement.closing));
  });

  it("is null for another user's customer, an archived one and a malformed id", async () => {
    expect(await readStatement({ userId: other.id, customerId, period: PERIOD })).toBeNull();
    expect(await readStatement({ userId: me.id, customerId: "not-a-uuid", period: PERIOD })).toBeNull();
    const archived = await insertCustomer(prisma(), me.id, { name: "Gone Ltd", status: "live" });
    await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });
    expect(await readStatement({ userId: me.id, customerId: archived.id, period: PERIOD })).toBeNull();
  });
});

describe("statement page loader", () => {
  const load = (id: string, query: string, cookie = me.cookie) =>
    call(statementRoute.loader, get(`/customers/${id}/receivables/statement${query}`, { cookie }), { id });

  it("shows the statement of the period asked for", async () => {
    const response = await load(customerId, `?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statement: { closing: string; lines: unknown[] }; currency: string };
    expect(body.statement.closing).toBe("1537.82");
    expect(body.statement.lines).toHaveLength(7);
    expect(body.currency).toBe("EUR");
  });

  it("defaults to today and the first of the month three months back", async () => {
    const response = await load(customerId, "");
    expect(response.status).toBe(200);
    const { statement } = (await response.json()) as { statement: { period: { from: string; to: string } } };
    const today = new Date().toISOString().slice(0, 10);
    expect(statement.period.to).toBe(today);
    const [year, month] = today.split("-").map(Number) as [number, number];
    const start = new Date(Date.UTC(year, month - 4, 1)).toISOString().slice(0, 10);
    expect(statement.period.from).toBe(start);
  });

  it.each([
    ["?from=2026-02-30&to=2026-05-31", "from", /real date/],
    ["?from=yesterday&to=2026-05-31", "from", /real date/],
    ["?from=2026-03-01&to=31%2F05%2F2026", "to", /real date/],
    ["?from=2026-06-01&to=2026-05-31", "from", /on or before/],
    ["?from=2010-01-01&to=2026-05-31", "from", /at most 10 years/],
    [`?from=${"9".repeat(5000)}&to=x`, "from", /real date/],
  ])("answers %s with a 400 that says what is wrong", async (query, field, message) => {
    const response = await load(customerId, query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { statement: null; form: { errors: Record<string, string> } };
    expect(body.statement).toBeNull();
    expect(body.form.errors[field]).toMatch(message);
  });

  it("accepts exactly ten years", async () => {
    expect((await load(customerId, "?from=2016-05-31&to=2026-05-31")).status).toBe(200);
    expect((await load(customerId, "?from=2016-05-30&to=2026-05-31")).status).toBe(400);
  });

  it("is a 404 for another user's customer, with a good period or a bad one", async () => {
    expect((await load(customerId, `?from=${PERIOD.from}&to=${PERIOD.to}`, other.cookie)).status).toBe(404);
    expect((await load(customerId, "?from=nope", other.cookie)).status).toBe(404);
    expect((await load(randomUUID(), "")).status).toBe(404);
    expect((await load("not-an-id", "")).status).toBe(404);
  });

  it("is a 404 for an archived customer", async () => {
    const archived = await insertCustomer(prisma(), me.id, { name: "Archived Ltd", status: "live" });
    await seedMix(me.id, archived.id, MIX.slice(0, 2), "A-");
    await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });
    expect((await load(archived.id, `?from=${PERIOD.from}&to=${PERIOD.to}`)).status).toBe(404);
    expect((await load(archived.id, "?from=bad")).status).toBe(404);
  });

  it("sends a visitor without a session to the login page", async () => {
    const response = await load(customerId, "?from=2026-03-01", null as unknown as string);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
