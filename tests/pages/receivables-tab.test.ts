import { randomUUID } from "node:crypto";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { ownerPrisma as prisma } from "../setup/owner";
import { DAY_MS } from "../support/db";
import { eventsOf, failureOf, loadTab, postTab, snapshot, toastAfter } from "./receivables-tab-helpers";

// The Receivables tab's intents through the real action, as a browser
// without JavaScript posts them: a redirect with a toast, or a 400/409 page
// keeping what was typed. Every refused request leaves the database as it was.

let me: { id: string; cookie: string };
let other: { id: string; cookie: string };
let customerId: string;

/** A date `offset` days from today (the account's zone is UTC). */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  me = await signedUpUser();
  other = await signedUpUser();
});

beforeEach(async () => {
  customerId = (await insertCustomer(prisma(), me.id, { name: "Acme Corp", status: "live" })).id;
});

const post = (fields: Record<string, string>, id = customerId, cookie = me.cookie) => postTab(id, cookie, fields);
const load = (id = customerId) => loadTab(id, me.cookie);

async function expectSuccess(response: Response, message: string | RegExp) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(`/customers/${customerId}/receivables`);
  const toast = await toastAfter(response, me.cookie);
  expect(toast?.kind).toBe("success");
  expect(toast?.message).toMatch(message);
}

let numbers = 0;
/** Creates an invoice through the tab; returns its id. */
async function invoice(fields: Record<string, string> = {}, id = customerId, cookie = me.cookie): Promise<string> {
  numbers += 1;
  const reference = fields.reference ?? `T-${numbers}-${randomUUID().slice(0, 6)}`;
  const response = await postTab(id, cookie, { intent: "create-invoice", reference, amount: "100.00", status: "sent", ...fields });
  expect(response.status, JSON.stringify(await response.clone().text())).toBe(302);
  const row = await prisma().receivable.findFirstOrThrow({ where: { reference, type: "invoice" } });
  return row.id;
}

/** Records a payment through the tab; returns its id. */
async function payment(fields: Record<string, string> = {}, id = customerId, cookie = me.cookie): Promise<string> {
  const before = new Set((await prisma().receivable.findMany({ where: { customerId: id, type: "payment" }, select: { id: true } })).map((row) => row.id));
  const response = await postTab(id, cookie, { intent: "record-payment", amount: "10.00", ...fields });
  expect(response.status, JSON.stringify(await response.clone().text())).toBe(302);
  const rows = await prisma().receivable.findMany({ where: { customerId: id, type: "payment" }, select: { id: true } });
  return rows.find((row) => !before.has(row.id))!.id;
}

describe("GET /customers/:id/receivables", () => {
  it("suggests INV-0001, today and today + the payment terms for a first invoice", async () => {
    await prisma().user.update({ where: { id: me.id }, data: { paymentTermsDays: 14 } });
    try {
      const data = await load();
      expect(data.invoices).toEqual([]);
      expect(data.payments).toEqual([]);
      expect(data.defaults).toEqual({ reference: expect.any(String), date: day(0), dueDate: day(14) });
    } finally {
      await prisma().user.update({ where: { id: me.id }, data: { paymentTermsDays: 30 } });
    }
  });

  it("suggests the number after the highest one, keeping its prefix and padding", async () => {
    const fresh = await signedUpUser();
    const theirs = (await insertCustomer(prisma(), fresh.id, { name: "Numbered" })).id;
    expect((await loadTab(theirs, fresh.cookie)).defaults.reference).toBe("INV-0001");
    await invoice({ reference: "INV-0099" }, theirs, fresh.cookie);
    await invoice({ reference: "2026/7" }, theirs, fresh.cookie);
    await invoice({ reference: "No number here" }, theirs, fresh.cookie);
    expect((await loadTab(theirs, fresh.cookie)).defaults.reference).toBe("INV-0100");
    await invoice({ reference: "A-0999" }, theirs, fresh.cookie);
    expect((await loadTab(theirs, fresh.cookie)).defaults.reference).toBe("A-1000");
  });

  it("lists the customer's agreements for the invoice form's select", async () => {
    const agreement = await prisma().agreement.create({
      data: { userId: me.id, customerId, scope: "Design retainer", type: "other", pricing: {}, noticeDays: 30 },
    });
    expect((await load()).agreements).toEqual([{ id: agreement.id, scope: "Design retainer" }]);
  });
});

describe("create-invoice", () => {
  it("saves a draft with a toast and no timeline event", async () => {
    const response = await post({ intent: "create-invoice", reference: "D-1", amount: "1,250.5", date: day(0), dueDate: day(30), description: "Design" });
    await expectSuccess(response, "Invoice D-1 saved as a draft.");
    const [row] = (await load()).invoices;
    expect(row).toMatchObject({ reference: "D-1", amount: "1250.50", status: "draft", displayStatus: "draft", dueDate: day(30), description: "Design" });
    expect(await eventsOf(customerId)).toEqual([]);
  });

  it("sends it now when asked, writing the timeline event", async () => {
    await expectSuccess(await post({ intent: "create-invoice", reference: "S-1", amount: "80", status: "sent" }), "Invoice S-1 created and sent.");
    const [row] = (await load()).invoices;
    expect(row).toMatchObject({ status: "sent", displayStatus: "open", balance: "80.00", date: day(0), dueDate: day(30) });
    const events = await eventsOf(customerId);
    expect(events.map((event) => event.title)).toEqual(["Invoice sent: S-1 (80.00)"]);
  });

  it.each([
    ["0", "Amount must be more than zero"],
    ["-5", "Amount must be an amount like 1500 or 1500.50 (at most two decimals)"],
    ["1.234", "Amount must be an amount like 1500 or 1500.50 (at most two decimals)"],
    ["12345678901", "Amount must be an amount like 1500 or 1500.50 (at most two decimals)"],
    ["lots", "Amount must be an amount like 1500 or 1500.50 (at most two decimals)"],
    ["", "Amount is required"],
  ])("refuses the amount %j with 400 on its field, keeping what was typed", async (amount, message) => {
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "create-invoice", reference: "Z-1", amount, description: "Kept" }), 400);
    expect(failure.intent).toBe("create-invoice");
    expect(failure.result?.error?.amount).toEqual([message]);
    expect(failure.result?.initialValue).toMatchObject({ reference: "Z-1", description: "Kept" });
    expect(await snapshot()).toBe(before);
  });

  it("refuses a due date before the invoice date, and a missing number", async () => {
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "create-invoice", amount: "5", date: day(0), dueDate: day(-1) }), 400);
    expect(failure.result?.error).toMatchObject({ dueDate: ["Due date cannot be before the invoice date"], reference: ["Invoice number is required"] });
    expect(await snapshot()).toBe(before);
  });

  it("refuses a number another of the user's invoices has, on its field", async () => {
    const elsewhere = (await insertCustomer(prisma(), me.id, { name: "Elsewhere" })).id;
    await invoice({ reference: "DUP-1" }, elsewhere);
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "create-invoice", reference: "DUP-1", amount: "5" }), 400);
    expect(failure.result?.error?.reference).toEqual(["Invoice number DUP-1 is already used by another invoice"]);
    expect(failure.result?.initialValue).toMatchObject({ reference: "DUP-1", amount: "5" });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ["another customer's", async () => (await prisma().agreement.create({
      data: { userId: me.id, customerId: (await insertCustomer(prisma(), me.id, { name: "B" })).id, scope: "x", type: "other", pricing: {}, noticeDays: 1 },
    })).id],
    ["another user's", async () => (await prisma().agreement.create({
      data: { userId: other.id, customerId: (await insertCustomer(prisma(), other.id, { name: "C" })).id, scope: "x", type: "other", pricing: {}, noticeDays: 1 },
    })).id],
    ["a random", async () => randomUUID()],
    ["a malformed", async () => "1; DROP TABLE users"],
  ])("refuses %s agreement id with the same message, naming no id", async (_which, agreementId) => {
    const id = await agreementId();
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "create-invoice", reference: "L-1", amount: "5", agreementId: id }), 400);
    expect(failure.result?.error?.agreementId).toEqual(["Choose an agreement of this customer"]);
    expect(JSON.stringify(failure.result?.error)).not.toContain(id);
    expect(await snapshot()).toBe(before);
  });
});

describe("update-invoice", () => {
  it("changes every field of a draft", async () => {
    const id = await invoice({ reference: "E-1", status: "draft" });
    const response = await post({ intent: "update-invoice", receivableId: id, reference: "E-2", amount: "99.99", date: day(-3), dueDate: day(4), description: "New" });
    await expectSuccess(response, "Invoice E-2 saved.");
    expect((await load()).invoices[0]).toMatchObject({ reference: "E-2", amount: "99.99", date: day(-3), dueDate: day(4), description: "New", status: "draft" });
  });

  it("answers 409 when a sent invoice's amount goes below what is paid, keeping what was typed; raising it is fine", async () => {
    const id = await invoice({ reference: "E-3", amount: "100" });
    await payment({ invoiceId: id, amount: "60" });
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "update-invoice", receivableId: id, reference: "E-3", amount: "50" }), 409);
    expect(failure.message).toBe("The amount cannot go below what has been paid on this invoice (60.00).");
    expect(failure.receivableId).toBe(id);
    expect(failure.result?.initialValue).toMatchObject({ amount: "50" });
    expect(await snapshot()).toBe(before);
    await expectSuccess(await post({ intent: "update-invoice", receivableId: id, reference: "E-3", amount: "120" }), "Invoice E-3 saved.");
    expect((await load()).invoices[0]).toMatchObject({ amount: "120.00", paid: "60.00", balance: "60.00", displayStatus: "partial" });
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const id = await invoice({ reference: "E-4", status: "draft" });
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "update-invoice", receivableId: id, reference: "E-4", amount: "1.001" }), 400);
    expect(failure.receivableId).toBe(id);
    expect(failure.result?.error?.amount).toHaveLength(1);
    expect(await snapshot()).toBe(before);
  });
});

describe("update-invoice from a form opened earlier (decision 0012)", () => {
  const opened = (id: string) =>
    prisma().receivable.findUniqueOrThrow({ where: { id } }).then((row) =>
      JSON.stringify({ reference: row.reference, amount: row.amount.toFixed(2), date: row.date.toISOString().slice(0, 10), dueDate: row.dueDate?.toISOString().slice(0, 10) ?? "", description: row.description ?? "", agreementId: "" }),
    );

  it("keeps someone else's change to another field, writing only what this form changed", async () => {
    const id = await invoice({ reference: "ST-1", amount: "100", status: "draft", description: "Old" });
    const openedWith = await opened(id);
    await post({ intent: "update-invoice", receivableId: id, reference: "ST-1", amount: "150", description: "Old", openedWith: await opened(id) });
    const form = JSON.parse(openedWith) as Record<string, string>;
    await expectSuccess(await post({ intent: "update-invoice", receivableId: id, ...form, description: "New", openedWith }), "Invoice ST-1 saved.");
    expect((await load()).invoices[0]).toMatchObject({ amount: "150.00", description: "New" });
  });

  it("answers 409 when someone else changed the same field, saying what it reads now and keeping what was typed", async () => {
    const id = await invoice({ reference: "ST-2", amount: "100", status: "draft" });
    const openedWith = await opened(id);
    await post({ intent: "update-invoice", receivableId: id, reference: "ST-2", amount: "150", openedWith });
    const before = await snapshot();
    const form = JSON.parse(openedWith) as Record<string, string>;
    const failure = await failureOf(await post({ intent: "update-invoice", receivableId: id, ...form, amount: "175", openedWith }), 409);
    expect(failure.result?.error?.amount).toEqual(["Someone else changed Amount since you opened this form: it now reads \u201c150.00\u201d."]);
    expect(failure.result?.initialValue).toMatchObject({ amount: "175" });
    expect(await snapshot()).toBe(before);
  });
});

describe("send-invoice", () => {
  it("sends a draft with a toast and a timeline event", async () => {
    const id = await invoice({ reference: "SD-1", status: "draft", amount: "42" });
    await expectSuccess(await post({ intent: "send-invoice", receivableId: id }), "Invoice SD-1 sent.");
    expect((await load()).invoices[0]).toMatchObject({ status: "sent", displayStatus: "open" });
    expect((await eventsOf(customerId)).map((event) => event.title)).toEqual(["Invoice sent: SD-1 (42.00)"]);
  });

  it("answers 409 for a void invoice", async () => {
    const id = await invoice({ reference: "SD-2" });
    await post({ intent: "void-invoice", receivableId: id });
    const failure = await failureOf(await post({ intent: "send-invoice", receivableId: id }), 409);
    expect(failure.message).toBe("A void invoice cannot be changed.");
  });
});

describe("void-invoice and delete-invoice", () => {
  it("voids a sent invoice without payments", async () => {
    const id = await invoice({ reference: "V-1" });
    await expectSuccess(await post({ intent: "void-invoice", receivableId: id }), "Invoice V-1 voided.");
    expect((await load()).invoices[0]).toMatchObject({ status: "void", displayStatus: "void" });
  });

  it("answers 409 to voiding an invoice with payments", async () => {
    const id = await invoice({ reference: "V-2" });
    await payment({ invoiceId: id, amount: "1" });
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "void-invoice", receivableId: id }), 409);
    expect(failure.message).toMatch(/has 1 payment recorded against it/);
    expect(await snapshot()).toBe(before);
  });

  it("deletes a draft; answers 409 to deleting a sent one", async () => {
    const draft = await invoice({ reference: "X-1", status: "draft" });
    await expectSuccess(await post({ intent: "delete-invoice", receivableId: draft }), "Draft X-1 deleted.");
    expect(await prisma().receivable.findUnique({ where: { id: draft } })).toBeNull();
    const sent = await invoice({ reference: "X-2" });
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "delete-invoice", receivableId: sent }), 409);
    expect(failure.message).toBe("A sent invoice cannot be deleted. Void it instead.");
    expect(await snapshot()).toBe(before);
  });
});

describe("record-payment", () => {
  it("records a payment on an invoice, with a toast and a timeline event", async () => {
    const id = await invoice({ reference: "P-1", amount: "100" });
    await expectSuccess(await post({ intent: "record-payment", invoiceId: id, amount: "30", reference: "BANK-1" }), "Payment recorded.");
    const data = await load();
    expect(data.invoices[0]).toMatchObject({ paid: "30.00", balance: "70.00", displayStatus: "partial" });
    expect(data.payments[0]).toMatchObject({ amount: "30.00", linkedInvoiceId: id, reference: "BANK-1", date: day(0) });
    expect((await eventsOf(customerId)).map((event) => event.title)).toContain("Payment received: 30.00");
  });

  it("records a payment on no invoice as credit, and an overpayment shows as credit too", async () => {
    await expectSuccess(await post({ intent: "record-payment", amount: "15" }), "Payment recorded as credit.");
    const id = await invoice({ reference: "P-2", amount: "10" });
    await payment({ invoiceId: id, amount: "12.50" });
    const data = await load();
    expect(data.summary).toMatchObject({ outstanding: "0.00", credit: "17.50", net: "-17.50" });
    expect(data.invoices[0]).toMatchObject({ displayStatus: "paid", balance: "-2.50" });
  });

  const targets: Array<[string, () => Promise<string>]> = [
    ["a draft invoice", () => invoice({ status: "draft" })],
    ["a void invoice", async () => {
      const id = await invoice();
      await post({ intent: "void-invoice", receivableId: id });
      return id;
    }],
    ["a payment", () => payment()],
    ["another customer's invoice", async () => invoice({}, (await insertCustomer(prisma(), me.id, { name: "Mine too" })).id)],
    ["another user's invoice", async () => invoice({}, (await insertCustomer(prisma(), other.id, { name: "Theirs" })).id, other.cookie)],
    ["a random id", async () => randomUUID()],
    ["a malformed id", async () => "not-a-uuid"],
  ];
  it.each(targets)("refuses %s with 400 on the invoice field, naming no id", async (_which, target) => {
    const invoiceId = await target();
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "record-payment", invoiceId, amount: "5", reference: "Kept" }), 400);
    expect(failure.result?.error?.invoiceId).toEqual(["Choose a sent invoice of this customer"]);
    expect(failure.result?.initialValue).toMatchObject({ amount: "5", reference: "Kept" });
    expect(JSON.stringify(failure.result?.error)).not.toContain(invoiceId);
    expect(await snapshot()).toBe(before);
  });

  it.each([["0"], ["-1"], ["0.001"], ["99999999999"], ["ten"]])("refuses the amount %j with 400", async (amount) => {
    const before = await snapshot();
    const failure = await failureOf(await post({ intent: "record-payment", amount }), 400);
    expect(failure.result?.error?.amount).toHaveLength(1);
    expect(await snapshot()).toBe(before);
  });
});

describe("apply-payment and void-payment", () => {
  it("applies credit to an open invoice", async () => {
    const credit = await payment({ amount: "40" });
    const id = await invoice({ reference: "AP-1", amount: "100" });
    await expectSuccess(await post({ intent: "apply-payment", receivableId: credit, invoiceId: id }), "Payment applied to the invoice.");
    const data = await load();
    expect(data.payments[0]).toMatchObject({ linkedInvoiceId: id });
    expect(data.summary).toMatchObject({ outstanding: "60.00", credit: "0.00" });
  });

  it("refuses to apply to a draft or to nothing (400), and to apply a void payment (409)", async () => {
    const credit = await payment({ amount: "40" });
    const draft = await invoice({ status: "draft" });
    const before = await snapshot();
    expect((await failureOf(await post({ intent: "apply-payment", receivableId: credit, invoiceId: draft }), 400)).result?.error?.invoiceId).toEqual([
      "Choose a sent invoice of this customer",
    ]);
    expect((await failureOf(await post({ intent: "apply-payment", receivableId: credit, invoiceId: "" }), 400)).result?.error?.invoiceId).toHaveLength(1);
    expect(await snapshot()).toBe(before);
    await expectSuccess(await post({ intent: "void-payment", receivableId: credit }), "Payment voided.");
    const sent = await invoice();
    const failure = await failureOf(await post({ intent: "apply-payment", receivableId: credit, invoiceId: sent }), 409);
    expect(failure.message).toBe("A void payment cannot be changed.");
  });

  it("voids a payment: the invoice owes it again; a second void is a 409", async () => {
    const id = await invoice({ reference: "VP-1", amount: "100" });
    const paid = await payment({ invoiceId: id, amount: "100" });
    expect((await load()).invoices[0]?.displayStatus).toBe("paid");
    await expectSuccess(await post({ intent: "void-payment", receivableId: paid }), "Payment voided.");
    expect((await load()).invoices[0]).toMatchObject({ displayStatus: "open", balance: "100.00" });
    expect((await failureOf(await post({ intent: "void-payment", receivableId: paid }), 409)).message).toBe("This payment is already void.");
  });
});

describe("rows and customers that are not this page's", () => {
  const rowIntents: Array<[string, Record<string, string>, "invoice" | "payment"]> = [
    ["update-invoice", { reference: "N-1", amount: "5" }, "invoice"],
    ["send-invoice", {}, "invoice"],
    ["void-invoice", {}, "invoice"],
    ["delete-invoice", {}, "invoice"],
    ["apply-payment", {}, "payment"],
    ["void-payment", {}, "payment"],
  ];
  const rowOf = async (type: "invoice" | "payment", id: string, cookie: string) =>
    type === "invoice" ? invoice({ status: "draft" }, id, cookie) : payment({}, id, cookie);
  const targets: Array<[string, (type: "invoice" | "payment") => Promise<string | null>]> = [
    ["another user's", async (type) => rowOf(type, (await insertCustomer(prisma(), other.id, { name: "Theirs" })).id, other.cookie)],
    ["another customer's of mine", async (type) => rowOf(type, (await insertCustomer(prisma(), me.id, { name: "Mine" })).id, me.cookie)],
    ["an archived customer's", async (type) => {
      const archived = (await insertCustomer(prisma(), me.id, { name: "Archived" })).id;
      const id = await rowOf(type, archived, me.cookie);
      await prisma().customer.update({ where: { id: archived }, data: { deletedAt: new Date() } });
      return id;
    }],
    ["the other type's", async (type) => rowOf(type === "invoice" ? "payment" : "invoice", customerId, me.cookie)],
    ["a random", async () => randomUUID()],
    ["a malformed", async () => "x' OR 1=1 --"],
    ["a missing", async () => null],
  ];
  describe.each(targets)("(%s id)", (_which, target) => {
    it.each(rowIntents)("%s answers 404 and changes nothing", async (intent, fields, type) => {
      const receivableId = await target(type);
      const sentInvoice = await invoice();
      const before = await snapshot();
      const extra: Record<string, string> = intent === "apply-payment" ? { invoiceId: sentInvoice } : {};
      const response = await post({ intent, ...fields, ...extra, ...(receivableId === null ? {} : { receivableId }) });
      expect(response.status).toBe(404);
      expect(await snapshot()).toBe(before);
    });
  });

  const everyIntent = ["create-invoice", "record-payment", ...rowIntents.map(([intent]) => intent)];
  it.each(everyIntent)("%s on another user's customer, or an archived one, answers 404 and changes nothing", async (intent) => {
    const theirs = (await insertCustomer(prisma(), other.id, { name: "Theirs" })).id;
    const archived = (await insertCustomer(prisma(), me.id, { name: "Gone" })).id;
    const row = await invoice({ status: "draft" }, archived);
    await prisma().customer.update({ where: { id: archived }, data: { deletedAt: new Date() } });
    const before = await snapshot();
    for (const id of [theirs, archived, randomUUID(), "nope"]) {
      const response = await post({ intent, reference: "C-1", amount: "5", receivableId: row }, id);
      expect(response.status).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });

  it("the loader answers 404 for another user's and an archived customer", async () => {
    const theirs = (await insertCustomer(prisma(), other.id, { name: "Theirs" })).id;
    const archived = (await insertCustomer(prisma(), me.id, { name: "Gone" })).id;
    await prisma().customer.update({ where: { id: archived }, data: { deletedAt: new Date() } });
    const { call, get } = await import("../http");
    const route = await import("~/routes/customers.$id.receivables");
    for (const id of [theirs, archived]) {
      expect((await call(route.loader, get(`/customers/${id}/receivables`, { cookie: me.cookie }), { id })).status).toBe(404);
    }
  });
});

describe("intents", () => {
  it.each([["launch-rockets"], [""]])("answers 400 unknown_intent to %j and writes nothing", async (intent) => {
    const before = await snapshot();
    const response = await post({ intent });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "unknown_intent" });
    expect(await snapshot()).toBe(before);
  });
});

describe("the tab's figures", () => {
  it("equal the API's summary and rows to the cent, for a mix of invoices, payments and credit", async () => {
    const { api, jsonOf } = await import("../api/helpers");
    const overdue = await invoice({ reference: "M-1", amount: "1000.10", date: day(-100), dueDate: day(-95) });
    const partly = await invoice({ reference: "M-2", amount: "200.20", date: day(-40), dueDate: day(-35) });
    const current = await invoice({ reference: "M-3", amount: "0.30", date: day(0), dueDate: day(10) });
    const over = await invoice({ reference: "M-4", amount: "10.00", date: day(-20), dueDate: day(-5) });
    await invoice({ reference: "M-5", amount: "77.77", status: "draft" });
    const voided = await invoice({ reference: "M-6", amount: "5.55" });
    await post({ intent: "void-invoice", receivableId: voided });
    await payment({ invoiceId: partly, amount: "0.10" });
    await payment({ invoiceId: over, amount: "10.33" });
    await payment({ invoiceId: overdue, amount: "0.01" });
    await payment({ amount: "3.03" });
    const gone = await payment({ invoiceId: current, amount: "0.30" });
    await post({ intent: "void-payment", receivableId: gone });

    const tab = await load();
    const response = await api("GET", `/api/customers/${customerId}/receivables`, { cookie: me.cookie });
    expect(response.status).toBe(200);
    const body = await jsonOf<{ receivables: Array<Record<string, string | null>>; summary: Record<string, unknown> }>(response);
    expect(tab.summary).toEqual(body.summary);
    // Owed: 1000.10 − 0.01, 200.20 − 0.10, 0.30 (its payment void); M-4 is overpaid by 0.33.
    expect(tab.summary).toMatchObject({ outstanding: "1200.49", credit: "3.36", net: "1197.13", overdue: "1200.19" });
    expect(tab.summary.aging).toEqual({ current: "0.30", "1-30": "0.00", "31-60": "200.10", "61-90": "0.00", "90+": "1000.09" });
    const rows = [...tab.invoices, ...tab.payments];
    expect(rows).toHaveLength(body.receivables.length);
    for (const row of body.receivables) {
      const shown = rows.find((candidate) => candidate.id === row.id)!;
      expect({
        amount: shown.amount, paid: shown.paid, balance: shown.balance, display_status: shown.displayStatus,
        status: shown.status, due_date: shown.dueDate, date: shown.date, linked_invoice_id: shown.linkedInvoiceId,
      }).toEqual({
        amount: row.amount, paid: row.paid, balance: row.balance, display_status: row.display_status,
        status: row.status, due_date: row.due_date, date: row.date, linked_invoice_id: row.linked_invoice_id,
      });
    }
  });
});
