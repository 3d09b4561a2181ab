import { ownerPrisma as prisma } from "../setup/owner";
import { api, customerFor, jsonOf, signedInUser, type TestUser } from "./helpers";
import { createVia, insertReceivable, type AgreementBody, type AgreementsBody } from "./agreement-helpers";

// billed / paid / outstanding per agreement (DOMAIN.md): billed = its sent
// invoices, paid = the non-void payments applied to those invoices,
// outstanding = billed − paid floored at zero; exact decimal strings.

let user: TestUser;
let customer: { id: string; userId: string };

beforeAll(async () => {
  user = await signedInUser();
  customer = await customerFor(user, { name: "Money Co", status: "live" });
});

async function figures(agreementId: string) {
  const { agreement } = await jsonOf<AgreementBody>(await api("GET", `/api/agreements/${agreementId}`, { cookie: user.cookie }));
  return { billed: agreement.billed, paid: agreement.paid, outstanding: agreement.outstanding };
}

const invoice = (agreementId: string, amount: string, status = "sent") =>
  insertReceivable(customer, { type: "invoice", amount, status, linkedAgreementId: agreementId });
const payment = (invoiceId: string, amount: string, status = "received") =>
  insertReceivable(customer, { type: "payment", amount, status, linkedInvoiceId: invoiceId });

it("is zero with nothing linked", async () => {
  const agreement = await createVia(user, customer.id);
  expect(await figures(agreement.id)).toEqual({ billed: "0.00", paid: "0.00", outstanding: "0.00" });
});

it("counts sent invoices and the non-void payments on them; drafts, voids and void payments are left out", async () => {
  const agreement = await createVia(user, customer.id);
  const first = await invoice(agreement.id, "1000.10");
  const second = await invoice(agreement.id, "200.05");
  const draft = await invoice(agreement.id, "500.00", "draft");
  const voided = await invoice(agreement.id, "300.00", "void");
  await payment(first.id, "400.00");
  await payment(first.id, "0.01");
  await payment(second.id, "100.00", "void");
  // Payments on invoices that do not count do not count either.
  await payment(draft.id, "50.00");
  await payment(voided.id, "60.00");
  // A payment linked only to the agreement, applied to no invoice, is credit, not paid.
  await insertReceivable(customer, { type: "payment", amount: "70.00", linkedAgreementId: agreement.id });
  expect(await figures(agreement.id)).toEqual({ billed: "1200.15", paid: "400.01", outstanding: "800.14" });
});

it("is exact where floats are not: 0.10 + 0.20 is 0.30", async () => {
  const agreement = await createVia(user, customer.id);
  const a = await invoice(agreement.id, "0.10");
  await invoice(agreement.id, "0.20");
  await payment(a.id, "0.10");
  expect(await figures(agreement.id)).toEqual({ billed: "0.30", paid: "0.10", outstanding: "0.20" });
});

it("floors outstanding at zero when more was paid than billed", async () => {
  const agreement = await createVia(user, customer.id);
  const only = await invoice(agreement.id, "100.00");
  await payment(only.id, "150.00");
  expect(await figures(agreement.id)).toEqual({ billed: "100.00", paid: "150.00", outstanding: "0.00" });
});

it("sums to the top of NUMERIC(12,2) without losing a cent", async () => {
  const agreement = await createVia(user, customer.id);
  const big = await invoice(agreement.id, "9999999999.99");
  await invoice(agreement.id, "9999999999.99");
  await payment(big.id, "0.01");
  expect(await figures(agreement.id)).toEqual({ billed: "19999999999.98", paid: "0.01", outstanding: "19999999999.97" });
});

it("follows an invoice's status: sent counts, void no longer does", async () => {
  const agreement = await createVia(user, customer.id);
  const draft = await invoice(agreement.id, "250.00", "draft");
  expect((await figures(agreement.id)).billed).toBe("0.00");
  await prisma().receivable.update({ where: { id: draft.id }, data: { status: "sent" } });
  expect((await figures(agreement.id)).billed).toBe("250.00");
  await prisma().receivable.update({ where: { id: draft.id }, data: { status: "void" } });
  expect((await figures(agreement.id)).billed).toBe("0.00");
});

it("keeps each agreement's figures apart, in the list as in the item", async () => {
  const one = await createVia(user, customer.id, { scope: "One", type: "other" });
  const two = await createVia(user, customer.id, { scope: "Two", type: "other" });
  const forOne = await invoice(one.id, "10.00");
  await payment(forOne.id, "4.00");
  await invoice(two.id, "20.00");
  const { agreements } = await jsonOf<AgreementsBody>(await api("GET", `/api/customers/${customer.id}/agreements`, { cookie: user.cookie }));
  const byId = new Map(agreements.map((agreement) => [agreement.id, agreement]));
  expect(byId.get(one.id)).toMatchObject({ billed: "10.00", paid: "4.00", outstanding: "6.00" });
  expect(byId.get(two.id)).toMatchObject({ billed: "20.00", paid: "0.00", outstanding: "20.00" });
  expect(await figures(one.id)).toEqual({ billed: "10.00", paid: "4.00", outstanding: "6.00" });
});
