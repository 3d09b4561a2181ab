import { api, customerFor, jsonOf, signedInUser, type TestUser } from "./helpers";
import { readVia, receivablesOf, recordVia, type ReceivableBody } from "./receivable-helpers";

// Real concurrent requests (on PostgreSQL, really at once: TEST_DATABASE=pg):
// payments recorded together on one invoice all count, and a void racing
// payments leaves a state the rules allow, whichever wins.

const WRITERS = 12;

let user: TestUser;

beforeAll(async () => {
  user = await signedInUser();
});

const pay = (customerId: string, invoiceId: string, amount: string) =>
  api("POST", `/api/customers/${customerId}/receivables`, { cookie: user.cookie, body: { type: "payment", amount, linked_invoice_id: invoiceId } });

it(`${WRITERS} payments recorded at once on one invoice all count, to the cent`, async () => {
  const customer = await customerFor(user, { name: "Many payers" });
  const invoice = await recordVia(user, customer.id, { type: "invoice", amount: "1000.00", reference: "CONC-1" });
  const responses = await Promise.all(Array.from({ length: WRITERS }, () => pay(customer.id, invoice.id, "0.10")));
  expect(responses.map((response) => response.status)).toEqual(Array.from({ length: WRITERS }, () => 201));
  expect(await readVia(user, invoice.id)).toMatchObject({ paid: "1.20", balance: "998.80", display_status: "partial" });
  expect((await receivablesOf(user, customer.id)).summary.outstanding).toBe("998.80");
});

it("a void racing payments: either the void wins and every payment is refused, or it is refused with the payments kept", async () => {
  for (let round = 0; round < 3; round++) {
    const customer = await customerFor(user, { name: `Race ${round}` });
    const invoice = await recordVia(user, customer.id, { type: "invoice", amount: "50.00", reference: `RACE-${round}` });
    const voiding = api("POST", `/api/receivables/${invoice.id}/void`, { cookie: user.cookie });
    const payments = Array.from({ length: 4 }, () => pay(customer.id, invoice.id, "5.00"));
    const [voided, ...paid] = await Promise.all([voiding, ...payments]);
    const recorded = paid.filter((response) => response.status === 201).length;
    expect(paid.every((response) => response.status === 201 || response.status === 400)).toBe(true);
    const after = await readVia(user, invoice.id);
    if (voided.status === 200) {
      expect((await jsonOf<ReceivableBody>(voided)).receivable.status).toBe("void");
      // Payments that committed first would have made the void a 409.
      expect(recorded).toBe(0);
      expect(after).toMatchObject({ status: "void", paid: "0.00" });
    } else {
      expect(voided.status).toBe(409);
      expect(recorded).toBeGreaterThan(0);
      expect(after.status).toBe("sent");
    }
    const { receivables } = await receivablesOf(user, customer.id, "?type=payment");
    expect(receivables).toHaveLength(recorded);
  }
});
