import { api, customerFor, jsonOf, signedInUser, type TestUser } from "./helpers";
import { addDays, expectValidationRefusal, insertAgreement, setTimeZone, todayOf } from "./agreement-helpers";
import { readVia, recordVia, voidReceivable, type ReceivableBody } from "./receivable-helpers";

// POST /api/customers/<id>/receivables: invoices and payments, their defaults,
// money exact or refused, and every bad input of issue #13 answered with a 400
// naming its field, without writing anything or revealing whose an id is.

let user: TestUser;
let customer: { id: string; userId: string };
let today: string;

beforeAll(async () => {
  user = await signedInUser();
  customer = await customerFor(user, { name: "Receivables Co", status: "live" });
  today = await todayOf(user.id);
});

const post = (body: unknown, to: { id: string } = customer) =>
  api("POST", `/api/customers/${to.id}/receivables`, { cookie: user.cookie, body });

/** Posts a body that must be refused: 400, issues on exactly these fields, nothing written. */
const expectRefused = (body: unknown, fields: string[]) => expectValidationRefusal(() => post(body), fields);

let numbers = 0;
const invoice = (extra: Record<string, unknown> = {}) => ({ type: "invoice", amount: "100", reference: `C-${++numbers}`, ...extra });

describe("creating", () => {
  it("an invoice: sent by default, due after the account's payment terms, with paid, balance and display status", async () => {
    const created = await recordVia(user, customer.id, { type: "invoice", amount: 1500, date: "2026-03-01", reference: "INV-001", description: "March" });
    expect(created).toMatchObject({
      customer_id: customer.id,
      type: "invoice",
      amount: "1500.00",
      date: "2026-03-01",
      due_date: "2026-03-31",
      status: "sent",
      paid: "0.00",
      balance: "1500.00",
      reference: "INV-001",
      description: "March",
      linked_invoice_id: null,
      linked_agreement_id: null,
    });
    expect(created.display_status).toBe(addDays(today, 0) > "2026-03-31" ? "overdue" : "open");
    expect(await readVia(user, created.id)).toEqual(created);
  });

  it("a draft invoice dated today when no date is given, with the due date given", async () => {
    const due = addDays(today, 7);
    const created = await recordVia(user, customer.id, invoice({ status: "draft", due_date: due }));
    expect(created).toMatchObject({ date: today, due_date: due, status: "draft", display_status: "draft" });
  });

  it("a payment: received by default, with no due date, paid, balance or display status", async () => {
    const created = await recordVia(user, customer.id, { type: "payment", amount: "250.5", reference: "bank 42" });
    expect(created).toMatchObject({
      type: "payment",
      amount: "250.50",
      date: today,
      due_date: null,
      status: "received",
      display_status: null,
      paid: null,
      balance: null,
      linked_invoice_id: null,
    });
  });

  it("a payment on a sent invoice counts towards it", async () => {
    const target = await recordVia(user, customer.id, invoice({ amount: "100.10" }));
    const payment = await recordVia(user, customer.id, { type: "payment", amount: "0.10", linked_invoice_id: target.id });
    expect(payment.linked_invoice_id).toBe(target.id);
    expect(await readVia(user, target.id)).toMatchObject({ paid: "0.10", balance: "100.00", display_status: "partial" });
  });

  it("an invoice linked to an agreement of the same customer", async () => {
    const agreement = await insertAgreement(customer);
    const created = await recordVia(user, customer.id, invoice({ linked_agreement_id: agreement.id }));
    expect(created.linked_agreement_id).toBe(agreement.id);
  });

  it("today is the account's: a payment with no date is dated in its time zone", async () => {
    const east = await signedInUser();
    await setTimeZone(east.id, "Pacific/Kiritimati");
    const theirs = await customerFor(east, { name: "Far East" });
    const created = await recordVia(east, theirs.id, { type: "payment", amount: 1 });
    expect(created.date).toBe(await todayOf(east.id));
  });
});

describe("bad money is refused, never rounded", () => {
  it.each([
    ["zero", 0],
    ["zero as text", "0.00"],
    ["negative", -5],
    ["negative text", "-5.00"],
    ["three decimals", "10.005"],
    ["a float's error", 0.1 + 0.2],
    ["eleven integer digits", "10000000000"],
    ["not a number", "ten"],
    ["empty", ""],
    ["null", null],
    ["a boolean", true],
  ])("%s → 400 on amount", async (_name, amount) => {
    await expectRefused(invoice({ amount }), ["amount"]);
    await expectRefused({ type: "payment", amount }, ["amount"]);
  });

  it("the largest amount NUMERIC(12,2) holds is exact", async () => {
    expect((await recordVia(user, customer.id, invoice({ amount: "9999999999.99" }))).amount).toBe("9999999999.99");
  });
});

describe("other bad input", () => {
  it("a due date before the invoice date → 400 on due_date", async () => {
    await expectRefused(invoice({ date: "2026-03-02", due_date: "2026-03-01" }), ["due_date"]);
    // Also against a date left out (today).
    await expectRefused(invoice({ due_date: addDays(today, -1) }), ["due_date"]);
  });

  it("an invoice number already used by another of the user's invoices → 400 on reference", async () => {
    const other = await customerFor(user, { name: "Other of mine" });
    await recordVia(user, other.id, invoice({ reference: "DUP-1" }));
    await expectRefused(invoice({ reference: "DUP-1" }), ["reference"]);
    // A payment's reference may repeat it, and so may another user's invoice.
    await recordVia(user, customer.id, { type: "payment", amount: 1, reference: "DUP-1" });
    const stranger = await signedInUser();
    await recordVia(stranger, (await customerFor(stranger)).id, invoice({ reference: "DUP-1" }));
  });

  it.each([
    ["paid", "invoice"],
    ["overdue", "invoice"],
    ["open", "invoice"],
    ["void", "invoice"],
    ["received", "invoice"],
    ["sent", "payment"],
    ["void", "payment"],
  ])("status %s on a new %s → 400 on status", async (status, type) => {
    await expectRefused({ type, amount: 1, status }, ["status"]);
  });

  it("an unknown type, a missing type or amount, unknown or other-type fields → 400 naming them", async () => {
    await expectRefused({ type: "refund", amount: 1 }, ["type"]);
    await expectRefused({ amount: 1 }, ["type"]);
    await expectRefused({ type: "invoice" }, ["amount"]);
    await expectRefused(invoice({ colour: "red" }), ["colour"]);
    await expectRefused(invoice({ linked_invoice_id: customer.id }), ["linked_invoice_id"]);
    await expectRefused({ type: "payment", amount: 1, due_date: today }, ["due_date"]);
    await expectRefused({ type: "payment", amount: 1, linked_agreement_id: customer.id }, ["linked_agreement_id"]);
    await expectRefused(invoice({ date: "2026-02-30" }), ["date"]);
  });
});

describe("a payment's invoice must be a sent invoice of the same customer", () => {
  it("a draft, a void invoice, a payment, another customer's, another user's, a random id, a malformed one → the same 400", async () => {
    const draft = await recordVia(user, customer.id, invoice({ status: "draft" }));
    const voided = await recordVia(user, customer.id, invoice());
    expect((await voidReceivable(user, voided.id)).status).toBe(200);
    const payment = await recordVia(user, customer.id, { type: "payment", amount: 1 });
    const neighbour = await customerFor(user, { name: "Neighbour" });
    const neighbours = await recordVia(user, neighbour.id, invoice());
    const stranger = await signedInUser();
    const strangers = await recordVia(stranger, (await customerFor(stranger)).id, invoice());
    const messages = new Set<string>();
    for (const target of [draft.id, voided.id, payment.id, neighbours.id, strangers.id, crypto.randomUUID(), "not-an-id"]) {
      const issues = await expectRefused({ type: "payment", amount: 1, linked_invoice_id: target }, ["linked_invoice_id"]);
      messages.add(issues.linked_invoice_id!.join());
    }
    expect([...messages]).toEqual(["Choose a sent invoice of this customer"]);
  });

  it("an agreement of another customer, another user's, or none → the same 400 on linked_agreement_id", async () => {
    const neighbour = await customerFor(user, { name: "Agreement neighbour" });
    const stranger = await signedInUser();
    const targets = [
      (await insertAgreement(neighbour)).id,
      (await insertAgreement(await customerFor(stranger))).id,
      crypto.randomUUID(),
    ];
    for (const target of targets) {
      const issues = await expectRefused(invoice({ linked_agreement_id: target }), ["linked_agreement_id"]);
      expect(issues.linked_agreement_id).toEqual(["Choose an agreement of this customer"]);
    }
  });
});

it("answers 201 with the body the contract gives", async () => {
  const response = await post(invoice());
  expect(response.status).toBe(201);
  expect(Object.keys((await jsonOf<ReceivableBody>(response)).receivable).sort()).toEqual(
    [
      "id",
      "customer_id",
      "type",
      "amount",
      "date",
      "due_date",
      "status",
      "display_status",
      "paid",
      "balance",
      "reference",
      "description",
      "linked_invoice_id",
      "linked_agreement_id",
      "created_at",
      "updated_at",
    ].sort(),
  );
});
