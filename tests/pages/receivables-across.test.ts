import * as customersRoute from "~/routes/customers._index";
import * as overviewRoute from "~/routes/customers.$id.overview";
import * as receivablesRoute from "~/routes/receivables";
import { addDays, todayOf } from "../api/agreement-helpers";
import { api, customerFor, signedInUser, type TestUser } from "../api/helpers";
import { receivablesOf } from "../api/receivable-helpers";
import { call, get } from "../http";
import { ownerPrisma } from "../setup/owner";

/**
 * /receivables: totals across the user's live customers, unpaid invoices most
 * overdue first in keyset pages, `?status=`; and the receivables figures of the
 * customer cards and the overview's quick stat.
 */

interface Row {
  id: string;
  customerId: string;
  customerName: string;
  type: string;
  reference: string | null;
  dueDate: string | null;
  daysOverdue: number | null;
  displayStatus: string | null;
  amount: string;
  paid: string | null;
  balance: string | null;
}
interface Page {
  badStatus: string | null;
  status: string | null;
  rows: Row[];
  totals: { outstanding: string; credit: string; net: string; overdue: string; aging: Record<string, string> } | null;
  nextHref: string | null;
  firstHref: string | null;
}

async function page(user: TestUser, search = "", expectedStatus = 200): Promise<Page> {
  const response = await call(receivablesRoute.loader, get(`/receivables${search}`, { cookie: user.cookie }));
  expect(response.status).toBe(expectedStatus);
  return (await response.json()) as Page;
}

/** Exact cents of a two-decimal string, without a float. */
const cents = (money: string) => BigInt(money.replace(".", ""));

type Customer = { id: string; userId: string };

async function invoice(customer: Customer, reference: string, amount: string, due: string, status = "sent") {
  return ownerPrisma().receivable.create({
    data: {
      userId: customer.userId,
      customerId: customer.id,
      type: "invoice",
      amount,
      reference,
      status,
      date: new Date(`${addDays(due, -5)}T00:00:00Z`),
      dueDate: new Date(`${due}T00:00:00Z`),
    },
  });
}

async function payment(customer: Customer, amount: string, linkedInvoiceId: string | null = null, status = "received") {
  return ownerPrisma().receivable.create({
    data: { userId: customer.userId, customerId: customer.id, type: "payment", amount, status, date: new Date(), linkedInvoiceId },
  });
}

let alice: TestUser;
let bob: TestUser;
let today: string;
let acme: Customer;
let globex: Customer;
let quiet: Customer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  alice = await signedInUser();
  bob = await signedInUser();
  today = await todayOf(alice.id);
  acme = await customerFor(alice, { name: "Acme" });
  globex = await customerFor(alice, { name: "Globex" });
  quiet = await customerFor(alice, { name: "Quiet" });
  const gone = await customerFor(alice, { name: "Gone Ltd" });
  const bobs = await customerFor(bob, { name: "Bob's customer" });

  ids.old = (await invoice(acme, "A-OLD", "100.10", addDays(today, -40))).id;
  ids.partly = (await invoice(globex, "G-PART", "200.00", addDays(today, -10))).id;
  await payment(globex, "50.05", ids.partly);
  ids.dueToday = (await invoice(acme, "A-TODAY", "30.00", today)).id;
  ids.later = (await invoice(globex, "G-LATER", "40.00", addDays(today, 20))).id;
  ids.paid = (await invoice(acme, "A-PAID", "10.00", addDays(today, -70))).id;
  await payment(acme, "10.20", ids.paid); // overpaid by 0.20: credit
  ids.draft = (await invoice(acme, "A-DRAFT", "5.00", addDays(today, -90), "draft")).id;
  ids.void = (await invoice(globex, "G-VOID", "6.00", addDays(today, -80), "void")).id;
  await payment(globex, "7.77"); // unapplied: credit
  await payment(globex, "3.00", null, "void");
  // Quiet owes nothing: paid in full.
  const settled = await invoice(quiet, "Q-1", "12.00", addDays(today, -3));
  await payment(quiet, "12.00", settled.id);
  await invoice(gone, "GONE-1", "999.00", addDays(today, -100));
  expect((await api("DELETE", `/api/customers/${gone.id}`, { cookie: alice.cookie })).status).toBe(200);
  await invoice(bobs, "BOB-1", "1.00", addDays(today, -200));
});

describe("/receivables", () => {
  it("totals every live customer's receivables exactly as their own summaries add up", async () => {
    const { totals } = await page(alice);
    const summaries = await Promise.all([acme, globex, quiet].map(async (customer) => (await receivablesOf(alice, customer.id)).summary));
    const sum = (pick: (summary: (typeof summaries)[number]) => string) => summaries.reduce((total, summary) => total + cents(pick(summary)), 0n);
    expect(cents(totals!.outstanding)).toBe(sum((s) => s.outstanding));
    expect(cents(totals!.credit)).toBe(sum((s) => s.credit));
    expect(cents(totals!.net)).toBe(sum((s) => s.net));
    for (const bucket of Object.keys(totals!.aging)) {
      expect(cents(totals!.aging[bucket]!)).toBe(sum((s) => s.aging[bucket as keyof typeof s.aging]));
    }
    // 100.10 + 149.95 + 30.00 + 40.00 owed; 0.20 + 7.77 credit; past due: 100.10 + 149.95.
    expect(totals).toMatchObject({ outstanding: "320.05", credit: "7.97", net: "312.08", overdue: "250.05" });
    expect(cents(totals!.overdue)).toBe(cents(totals!.outstanding) - cents(totals!.aging.current!));
  });

  it("lists the unpaid sent invoices, most overdue first, with days overdue, paid and balance", async () => {
    const { rows, status, nextHref, firstHref } = await page(alice);
    expect(status).toBeNull();
    expect(rows.map((row) => row.reference)).toEqual(["A-OLD", "G-PART", "A-TODAY", "G-LATER"]);
    expect(rows[0]).toMatchObject({ customerName: "Acme", customerId: acme.id, daysOverdue: 40, displayStatus: "overdue", amount: "100.10", paid: "0.00", balance: "100.10" });
    expect(rows[1]).toMatchObject({ customerName: "Globex", daysOverdue: 10, displayStatus: "overdue", paid: "50.05", balance: "149.95" });
    expect(rows[2]).toMatchObject({ daysOverdue: 0, displayStatus: "open" });
    expect([nextHref, firstHref]).toEqual([null, null]);
  });

  it.each([
    ["overdue", ["A-OLD", "G-PART"]],
    ["open", ["A-TODAY", "G-LATER"]],
    ["paid", ["A-PAID", "Q-1"]],
    ["draft", ["A-DRAFT"]],
    ["partial", []],
  ])("?status=%s lists that display status only", async (status, references) => {
    const result = await page(alice, `?status=${status}`);
    expect(result.status).toBe(status);
    expect(result.rows.map((row) => row.reference)).toEqual(references);
    expect(result.totals!.outstanding).toBe("320.05");
  });

  it("?status=received lists payments, ?status=void voided invoices and payments", async () => {
    const received = await page(alice, "?status=received");
    // Payments sort by their date (all today here), then id.
    expect(received.rows.map((row) => row.amount).sort()).toEqual(["10.20", "12.00", "50.05", "7.77"]);
    expect(received.rows.every((row) => row.type === "payment" && row.paid === null && row.balance === null && row.daysOverdue === null)).toBe(true);
    const voided = await page(alice, "?status=void");
    expect(voided.rows.map((row) => row.reference ?? row.amount).sort()).toEqual(["3.00", "G-VOID"]);
  });

  it("shows nothing of another user's, nor of an archived customer", async () => {
    const mine = [
      ...(await page(alice)).rows,
      ...(await page(alice, "?status=paid")).rows,
      ...(await page(alice, "?status=received")).rows,
    ];
    expect(mine.map((row) => row.reference)).not.toContain("GONE-1");
    expect(mine.map((row) => row.reference)).not.toContain("BOB-1");
    const bobs = await page(bob);
    expect(bobs.rows.map((row) => row.reference)).toEqual(["BOB-1"]);
    expect(bobs.totals).toMatchObject({ outstanding: "1.00", credit: "0.00", overdue: "1.00" });
  });

  it("says an unknown status is not one (400, no 500) and falls back to the first page for a forged cursor", async () => {
    for (const search of ["?status=sent", "?status=%3Cscript%3E", "?status=unpaid"]) {
      const refused = await call(receivablesRoute.loader, get(`/receivables${search}`, { cookie: alice.cookie }));
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as Page;
      expect(body.badStatus).toBe(new URL(`http://x/${search}`).searchParams.get("status"));
      expect(body.rows).toEqual([]);
    }
    for (const cursor of ["garbage", "%ZZ", Buffer.from(JSON.stringify(["2026-02-30", crypto.randomUUID()])).toString("base64url"), "x".repeat(5000)]) {
      const result = await page(alice, `?cursor=${encodeURIComponent(cursor)}`);
      expect(result.rows.map((row) => row.reference)).toEqual(["A-OLD", "G-PART", "A-TODAY", "G-LATER"]);
    }
  });

  it("redirects to the login page without a session", async () => {
    const response = await call(receivablesRoute.loader, get("/receivables"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Freceivables/);
  });

  it("walks every unpaid invoice exactly once over the keyset pages, in order", async () => {
    const user = await signedInUser();
    const day = await todayOf(user.id);
    const [one, two] = [await customerFor(user, { name: "One" }), await customerFor(user, { name: "Two" })];
    await ownerPrisma().receivable.createMany({
      data: Array.from({ length: 130 }, (_, index) => ({
        userId: user.id,
        customerId: index % 2 === 0 ? one.id : two.id,
        type: "invoice",
        amount: "1.00",
        reference: `K-${index}`,
        // Many share a due date: the id breaks the ties.
        date: new Date(`${addDays(day, -60)}T00:00:00Z`),
        dueDate: new Date(`${addDays(day, (index % 9) - 4)}T00:00:00Z`),
      })),
    });
    // Paid ones are skipped, wherever they fall.
    const paidOff = await ownerPrisma().receivable.findMany({ where: { userId: user.id, reference: { in: ["K-0", "K-50", "K-99"] } } });
    for (const paid of paidOff) await payment({ id: paid.customerId, userId: user.id }, "1.00", paid.id);

    const seen: Row[] = [];
    let search = "";
    for (let pages = 0; pages < 10; pages++) {
      const result = await page(user, search);
      seen.push(...result.rows);
      if (!result.nextHref) break;
      expect(result.rows).toHaveLength(50);
      search = result.nextHref.replace("/receivables", "");
    }
    expect(seen).toHaveLength(127);
    expect(new Set(seen.map((row) => row.id)).size).toBe(127);
    const keys = seen.map((row) => `${row.dueDate} ${row.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(seen.map((row) => row.reference)).not.toContain("K-50");
  });
});

describe("the customer cards", () => {
  interface Card {
    id: string;
    name: string;
    outstanding: string;
    overdue: boolean;
  }

  it("show each customer's outstanding amount and an overdue mark, only from its own receivables", async () => {
    const response = await call(customersRoute.loader, get("/customers?sort=name", { cookie: alice.cookie }));
    expect(response.status).toBe(200);
    const { customers } = (await response.json()) as { customers: Card[] };
    expect(customers.map((card) => [card.name, card.outstanding, card.overdue])).toEqual([
      ["Acme", "130.10", true],
      ["Globex", "189.95", true],
      ["Quiet", "0.00", false],
    ]);
    const bobs = (await (await call(customersRoute.loader, get("/customers", { cookie: bob.cookie }))).json()) as { customers: Card[] };
    expect(bobs.customers.map((card) => [card.name, card.outstanding, card.overdue])).toEqual([["Bob's customer", "1.00", true]]);
  });

  it("carry no overdue mark while everything owed is still to come", async () => {
    const user = await signedInUser();
    const day = await todayOf(user.id);
    const customer = await customerFor(user, { name: "Future" });
    await invoice(customer, "F-1", "9.99", day);
    const overdueButPaid = await invoice(customer, "F-2", "5.00", addDays(day, -30));
    await payment(customer, "5.00", overdueButPaid.id);
    await invoice(customer, "F-3", "8.00", addDays(day, -30), "draft");
    const { customers } = (await (await call(customersRoute.loader, get("/customers", { cookie: user.cookie }))).json()) as { customers: Card[] };
    expect(customers.map((card) => [card.outstanding, card.overdue])).toEqual([["9.99", false]]);
  });
});

describe("the overview's outstanding balance", () => {
  type Stats = { outstandingBalance: string; credit: string };
  async function statsOf(user: TestUser, customer: Customer): Promise<Stats> {
    const response = await call(overviewRoute.loader, get(`/customers/${customer.id}/overview`, { cookie: user.cookie }), { id: customer.id });
    expect(response.status).toBe(200);
    return ((await response.json()) as { stats: Stats }).stats;
  }

  it("comes with the customer's credit, as its summary computes it", async () => {
    expect(await statsOf(alice, globex)).toMatchObject({ outstandingBalance: "189.95", credit: "7.77" });
    expect(await statsOf(alice, acme)).toMatchObject({ outstandingBalance: "130.10", credit: "0.20" });
    expect(await statsOf(alice, quiet)).toMatchObject({ outstandingBalance: "0.00", credit: "0.00" });
    for (const customer of [acme, globex, quiet]) {
      const { summary } = await receivablesOf(alice, customer.id);
      expect(await statsOf(alice, customer)).toMatchObject({ outstandingBalance: summary.outstanding, credit: summary.credit });
    }
  });

  it("is another user's 404", async () => {
    const response = await call(overviewRoute.loader, get(`/customers/${acme.id}/overview`, { cookie: bob.cookie }), { id: acme.id });
    expect(response.status).toBe(404);
  });
});
