import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import { addDays, agreementsSnapshot, eventsOf, expectValidationRefusal, todayOf, type ConflictBody } from "./agreement-helpers";
import { patchReceivable, readVia, receivablesOf, recordVia, voidReceivable, type ReceivableBody } from "./receivable-helpers";

// PATCH, void and DELETE under DOMAIN.md's integrity rules (409 with a clear
// message, nothing written), sending a draft, applying a credit, and the
// customer's summary: outstanding, credit, net and aging, exact to the cent.

let user: TestUser;
let today: string;

beforeAll(async () => {
  user = await signedInUser();
  today = await todayOf(user.id);
});

let numbers = 0;
async function freshCustomer() {
  return customerFor(user, { name: `Rules ${++numbers}` });
}
const invoiceBody = (extra: Record<string, unknown> = {}) => ({ type: "invoice", amount: "100.00", reference: `R-${++numbers}`, ...extra });

/** Sends a request that must be refused with 409 and this message, leaving everything as it was. */
async function expectConflict(send: () => Promise<Response>, message: RegExp) {
  const before = await agreementsSnapshot();
  const response = await send();
  const body = await jsonOf<ConflictBody>(response);
  expect(response.status, JSON.stringify(body)).toBe(409);
  expect(body.error).toBe("conflict");
  expect(body.message).toMatch(message);
  expect(await agreementsSnapshot()).toEqual(before);
}

describe("integrity (409)", () => {
  it("a sent invoice's amount cannot go below what is paid on it; down to it or above is fine", async () => {
    const customer = await freshCustomer();
    const invoice = await recordVia(user, customer.id, invoiceBody());
    await recordVia(user, customer.id, { type: "payment", amount: "60.00", linked_invoice_id: invoice.id });
    await expectConflict(() => patchReceivable(user, invoice.id, { amount: "59.99" }), /cannot go below what has been paid on this invoice \(60\.00\)/);
    expect((await patchReceivable(user, invoice.id, { amount: "60" })).status).toBe(200);
    expect(await readVia(user, invoice.id)).toMatchObject({ amount: "60.00", balance: "0.00", display_status: "paid" });
    expect((await patchReceivable(user, invoice.id, { amount: "500" })).status).toBe(200);
  });

  it("an invoice with payments cannot be voided; once they are voided it can", async () => {
    const customer = await freshCustomer();
    const invoice = await recordVia(user, customer.id, invoiceBody());
    const payment = await recordVia(user, customer.id, { type: "payment", amount: "10", linked_invoice_id: invoice.id });
    await expectConflict(() => voidReceivable(user, invoice.id), /1 payment recorded against it/);
    await expectConflict(() => patchReceivable(user, invoice.id, { status: "void" }), /1 payment recorded against it/);
    expect((await voidReceivable(user, payment.id)).status).toBe(200);
    const response = await voidReceivable(user, invoice.id);
    expect(response.status).toBe(200);
    expect((await jsonOf<ReceivableBody>(response)).receivable).toMatchObject({ status: "void", display_status: "void", paid: "0.00" });
    await expectConflict(() => voidReceivable(user, invoice.id), /already void/);
    await expectConflict(() => patchReceivable(user, invoice.id, { description: "changed" }), /void invoice cannot be changed/);
  });

  it("deleting a sent or void invoice or any payment is refused; a draft is deleted", async () => {
    const customer = await freshCustomer();
    const sent = await recordVia(user, customer.id, invoiceBody());
    const payment = await recordVia(user, customer.id, { type: "payment", amount: "1" });
    const del = (id: string) => api("DELETE", `/api/receivables/${id}`, { cookie: user.cookie });
    await expectConflict(() => del(sent.id), /sent invoice cannot be deleted\. Void it instead/);
    await expectConflict(() => del(payment.id), /payment is never deleted/);
    await voidReceivable(user, sent.id);
    await expectConflict(() => del(sent.id), /void invoice is kept/);
    const draft = await recordVia(user, customer.id, invoiceBody({ status: "draft" }));
    const response = await del(draft.id);
    expect(response.status).toBe(200);
    expect((await jsonOf<ReceivableBody>(response)).receivable.id).toBe(draft.id);
    expect((await api("GET", `/api/receivables/${draft.id}`, { cookie: user.cookie })).status).toBe(404);
  });

  it("a sent invoice does not go back to draft", async () => {
    const customer = await freshCustomer();
    const sent = await recordVia(user, customer.id, invoiceBody());
    await expectConflict(() => patchReceivable(user, sent.id, { status: "draft" }), /cannot go back to draft/);
  });
});

describe("PATCH", () => {
  it("sends a draft (with a timeline event), edits a draft freely", async () => {
    const customer = await freshCustomer();
    const draft = await recordVia(user, customer.id, invoiceBody({ status: "draft", reference: "SEND-1" }));
    expect((await patchReceivable(user, draft.id, { amount: "5.5", description: "Smaller" })).status).toBe(200);
    expect(await eventsOf(customer.id)).toEqual([]);
    const response = await patchReceivable(user, draft.id, { status: "sent" });
    expect(response.status).toBe(200);
    expect((await jsonOf<ReceivableBody>(response)).receivable).toMatchObject({ status: "sent", amount: "5.50", description: "Smaller" });
    expect((await eventsOf(customer.id)).map((event) => event.title)).toEqual(["Invoice sent: SEND-1 (5.50)"]);
  });

  it("applies a credit to an invoice, and takes it off again", async () => {
    const customer = await freshCustomer();
    const invoice = await recordVia(user, customer.id, invoiceBody({ amount: "80" }));
    const credit = await recordVia(user, customer.id, { type: "payment", amount: "100" });
    expect((await receivablesOf(user, customer.id)).summary).toMatchObject({ outstanding: "80.00", credit: "100.00", net: "-20.00" });
    expect((await patchReceivable(user, credit.id, { linked_invoice_id: invoice.id })).status).toBe(200);
    // Overpaid by 20: the invoice is paid, its balance negative, the excess is credit.
    expect(await readVia(user, invoice.id)).toMatchObject({ paid: "100.00", balance: "-20.00", display_status: "paid" });
    expect((await receivablesOf(user, customer.id)).summary).toMatchObject({ outstanding: "0.00", credit: "20.00", net: "-20.00" });
    expect((await patchReceivable(user, credit.id, { linked_invoice_id: null })).status).toBe(200);
    expect(await readVia(user, invoice.id)).toMatchObject({ paid: "0.00", display_status: "open" });
  });

  it("refuses what does not fit the row: a link to a draft, a status of the other type, fields of the other type, a due date before the date", async () => {
    const customer = await freshCustomer();
    const invoice = await recordVia(user, customer.id, invoiceBody({ date: "2026-01-10" }));
    const draft = await recordVia(user, customer.id, invoiceBody({ status: "draft" }));
    const payment = await recordVia(user, customer.id, { type: "payment", amount: "1" });
    await expectValidationRefusal(() => patchReceivable(user, payment.id, { linked_invoice_id: draft.id }), ["linked_invoice_id"]);
    await expectValidationRefusal(() => patchReceivable(user, payment.id, { linked_invoice_id: payment.id }), ["linked_invoice_id"]);
    await expectValidationRefusal(() => patchReceivable(user, payment.id, { status: "sent" }), ["status"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { status: "received" }), ["status"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { status: "paid" }), ["status"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { linked_invoice_id: invoice.id }), ["linked_invoice_id"]);
    await expectValidationRefusal(() => patchReceivable(user, payment.id, { due_date: today }), ["due_date"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { due_date: "2026-01-09" }), ["due_date"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { amount: "0" }), ["amount"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { reference: draft.reference }), ["reference"]);
    await expectValidationRefusal(() => patchReceivable(user, invoice.id, { type: "payment" }), ["type"]);
  });
});

describe("display status and summary", () => {
  it("shows every display status and sums outstanding, credit, net and aging exactly", async () => {
    const customer = await freshCustomer();
    const on = (days: number) => addDays(today, days);
    const record = (body: Record<string, unknown>) => recordVia(user, customer.id, body);
    // Due dates put one open balance in each aging bucket, at its edges.
    const current = await record(invoiceBody({ amount: "100.10", date: on(-10), due_date: on(0) }));
    const partial = await record(invoiceBody({ amount: "200.20", date: on(-10), due_date: on(5) }));
    const days1 = await record(invoiceBody({ amount: "0.30", date: on(-40), due_date: on(-1) }));
    const days30 = await record(invoiceBody({ amount: "30.00", date: on(-40), due_date: on(-30) }));
    const days31 = await record(invoiceBody({ amount: "31.00", date: on(-40), due_date: on(-31) }));
    const days61 = await record(invoiceBody({ amount: "61.00", date: on(-70), due_date: on(-61) }));
    const days91 = await record(invoiceBody({ amount: "91.00", date: on(-100), due_date: on(-91) }));
    const paid = await record(invoiceBody({ amount: "10.00", date: on(-100), due_date: on(-91) }));
    const draft = await record(invoiceBody({ amount: "999.00", status: "draft", date: on(-100), due_date: on(-91) }));
    const voided = await record(invoiceBody({ amount: "888.00", date: on(-100), due_date: on(-91) }));
    await voidReceivable(user, voided.id);
    await record({ type: "payment", amount: "0.10", linked_invoice_id: partial.id });
    await record({ type: "payment", amount: "0.10", linked_invoice_id: days31.id });
    await record({ type: "payment", amount: "10.30", linked_invoice_id: paid.id });
    await record({ type: "payment", amount: "5.05" });
    const voidPayment = await record({ type: "payment", amount: "7.00", linked_invoice_id: days61.id });
    await voidReceivable(user, voidPayment.id);

    const { receivables, summary } = await receivablesOf(user, customer.id);
    const status = (id: string) => receivables.find((row) => row.id === id)!.display_status;
    expect([current, partial, days1, days30, days31, days61, days91, paid, draft, voided].map((row) => status(row.id))).toEqual([
      "open",
      "partial",
      "overdue",
      "overdue",
      "overdue",
      "overdue",
      "overdue",
      "paid",
      "draft",
      "void",
    ]);
    expect(receivables.find((row) => row.id === days31.id)).toMatchObject({ paid: "0.10", balance: "30.90" });
    expect(summary).toEqual({
      // 100.10 + 200.10 + 0.30 + 30.00 + 30.90 + 61.00 + 91.00
      outstanding: "513.40",
      // 5.05 unapplied + 0.30 overpaid
      credit: "5.35",
      net: "508.05",
      // Every bucket but current: 30.30 + 30.90 + 61.00 + 91.00
      overdue: "213.20",
      aging: { current: "300.20", "1-30": "30.30", "31-60": "30.90", "61-90": "61.00", "90+": "91.00" },
    });
  });

  it("?type= and ?status= filter the list, not the summary; a bad value is a 400", async () => {
    const customer = await freshCustomer();
    const open = await recordVia(user, customer.id, invoiceBody({ due_date: addDays(today, 3) }));
    const payment = await recordVia(user, customer.id, { type: "payment", amount: "1" });
    const all = await receivablesOf(user, customer.id);
    expect((await receivablesOf(user, customer.id, "?type=payment")).receivables.map((row) => row.id)).toEqual([payment.id]);
    expect((await receivablesOf(user, customer.id, "?status=open")).receivables.map((row) => row.id)).toEqual([open.id]);
    expect((await receivablesOf(user, customer.id, "?status=received")).receivables.map((row) => row.id)).toEqual([payment.id]);
    expect((await receivablesOf(user, customer.id, "?status=overdue")).receivables).toEqual([]);
    expect((await receivablesOf(user, customer.id, "?status=overdue")).summary).toEqual(all.summary);
    for (const query of ["?status=sent", "?type=refund", "?status=open&status=paid"]) {
      const response = await api("GET", `/api/customers/${customer.id}/receivables${query}`, { cookie: user.cookie });
      expect(response.status).toBe(400);
      expect((await jsonOf<ErrorBody>(response)).error).toBe("validation");
    }
  });
});
