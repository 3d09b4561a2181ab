import { holdAgreement } from "~/agreements/agreements.server";
import { withLockedChild, type Outcome } from "~/agreements/lifecycle.server";
import { recordEvent } from "~/customers/events.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { asUser, type Db } from "~/db/scope.server";
import type { ReceivableType } from "./constants";
import { readReceivable, type ReceivableRef, type ReceivableRow } from "./receivables.server";
import { DUE_BEFORE_DATE, LINK_MESSAGES, type ReceivableInput, type ReceivablePatch } from "./schemas";

/**
 * Recording and changing invoices and payments under DOMAIN.md's integrity
 * rules: each write locks the rows its rule reads (the invoice a payment
 * lands on, FOR UPDATE), so two payments on one invoice both count and a void
 * racing a payment sees it, whichever commits first.
 */

const notFound = { ok: false, reason: "not_found" } as const;
type Refusal = Exclude<Outcome<never>, { ok: true }>;
const conflict = (message: string): Refusal => ({ ok: false, reason: "conflict", message });
const invalid = (field: string, message: string): Refusal => ({ ok: false, reason: "invalid", issues: { [field]: [message] } });

const NOUN: Record<ReceivableType, string> = { invoice: "invoice", payment: "payment" };

/**
 * Whether `invoiceId` is a sent invoice of the customer's, locked until the
 * transaction ends: a void waits for the payment being written, or the
 * payment sees the void.
 */
async function lockSentInvoice(db: Db, { userId, customerId }: CustomerRef, invoiceId: string): Promise<boolean> {
  const [invoice] = await db.$queryRaw<Array<{ status: string }>>`
    SELECT i.status FROM customer_receivables i
     WHERE i.id = ${invoiceId}::uuid AND i.customer_id = ${customerId}::uuid AND i.user_id = ${userId}::uuid AND i.type = 'invoice'
       FOR UPDATE`;
  return invoice?.status === "sent";
}

/**
 * Whether another invoice of the user's has this number. A transaction lock
 * on the number makes a concurrent writer of the same one wait for this
 * answer to hold (the unique index would otherwise fail the request).
 */
async function invoiceNumberTaken(db: Db, userId: string, reference: string, exceptId: string | null): Promise<boolean> {
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invoice-number:${userId}:${reference}`}, 0))::text`;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM customer_receivables
     WHERE user_id = ${userId}::uuid AND type = 'invoice' AND reference = ${reference}
       AND id IS DISTINCT FROM ${exceptId}::uuid
     LIMIT 1`;
  return rows.length > 0;
}

const numberTaken = (reference: string) => invalid("reference", `Invoice number ${reference} is already used by another invoice`);

/** The checks on what a row links to, for the customer it belongs to; null when they pass. */
async function checkLinks(
  db: Db,
  customer: CustomerRef,
  links: { invoiceId?: string | null; agreementId?: string | null },
): Promise<Refusal | null> {
  if (links.invoiceId && !(await lockSentInvoice(db, customer, links.invoiceId))) return invalid("linked_invoice_id", LINK_MESSAGES.invoice);
  if (links.agreementId && !(await holdAgreement(db, customer, links.agreementId))) {
    return invalid("linked_agreement_id", LINK_MESSAGES.agreement);
  }
  return null;
}

async function recordMoneyEvent(db: Db, userId: string, row: ReceivableRow) {
  const invoice = row.type === "invoice";
  const what = invoice ? `Invoice sent: ${row.reference ?? "no number"} (${row.amount})` : `Payment received: ${row.amount}`;
  await recordEvent(db, row, userId, what, { receivable_id: row.id, action: invoice ? "send" : "receive", amount: row.amount });
}

/** Records an invoice or a payment for the user's live customer. */
export function createReceivable({ input, ...ref }: CustomerRef & { input: ReceivableInput }): Promise<Outcome<ReceivableRow>> {
  if (!isCustomerRef(ref)) return Promise.resolve(notFound);
  return asUser(
    ref.userId,
    async (db) => {
      const [customer] = await db.$queryRaw<Array<{ today: string }>>`
        SELECT app_today()::text AS today FROM customers c WHERE ${liveCustomer(ref)}`;
      if (!customer) return notFound;
      const date = input.date ?? customer.today;
      const dueDate = input.type === "invoice" ? (input.due_date ?? null) : null;
      if (dueDate && dueDate < date) return invalid("due_date", DUE_BEFORE_DATE);
      const invoiceId = input.type === "payment" ? (input.linked_invoice_id ?? null) : null;
      const agreementId = input.type === "invoice" ? (input.linked_agreement_id ?? null) : null;
      const refused = await checkLinks(db, ref, { invoiceId, agreementId });
      if (refused) return refused;
      const reference = input.reference ?? null;
      if (input.type === "invoice" && reference && (await invoiceNumberTaken(db, ref.userId, reference, null))) return numberTaken(reference);
      // A due date left out comes from the account's payment terms (trigger customer_receivables_defaults).
      const [created] = await db.$queryRaw<Array<{ id: string }>>`
        INSERT INTO customer_receivables
               (user_id, customer_id, type, amount, date, due_date, status, reference, description, linked_invoice_id, linked_agreement_id)
        VALUES (${ref.userId}::uuid, ${ref.customerId}::uuid, ${input.type}, ${input.amount}::numeric, ${date}::date, ${dueDate}::date,
                ${input.status}, ${reference}, ${input.description ?? null}, ${invoiceId}::uuid, ${agreementId}::uuid)
        RETURNING id`;
      const row = (await readReceivable(db, { userId: ref.userId, receivableId: created!.id }))!;
      if (row.status !== "draft") await recordMoneyEvent(db, ref.userId, row);
      return { ok: true, value: row };
    },
    { atomic: true },
  );
}

/** Runs `change` on the user's receivable, locked, or answers not found. */
export function withReceivable<Result>(ref: ReceivableRef, change: (db: Db, row: ReceivableRow) => Promise<Result>) {
  return withLockedChild({ userId: ref.userId, table: "customer_receivables", id: ref.receivableId }, (db) => readReceivable(db, ref), change);
}

/** Why `row` may not become void, or null when it may. */
async function voidRefusal(db: Db, row: ReceivableRow): Promise<Refusal | null> {
  if (row.status === "void") return conflict(`This ${NOUN[row.type]} is already void.`);
  if (row.type === "payment") return null;
  // The invoice row is locked: a payment being recorded on it has committed or waits.
  const [payments] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM customer_receivables WHERE linked_invoice_id = ${row.id}::uuid AND status = 'received'`;
  const count = payments!.count;
  if (count === 0) return null;
  return conflict(
    `This invoice has ${count} payment${count === 1 ? "" : "s"} recorded against it. Void ${count === 1 ? "it" : "them"} or apply ${count === 1 ? "it" : "them"} to another invoice first.`,
  );
}

/** Which status moves PATCH allows, per type, or why not. */
function statusRefusal(row: ReceivableRow, to: string): Refusal | null {
  const allowed = row.type === "invoice" ? ["draft", "sent", "void"] : ["received", "void"];
  if (!allowed.includes(to)) return invalid("status", `A ${NOUN[row.type]}'s status is one of: ${allowed.join(", ")}`);
  if (to === row.status || to === "void") return null;
  if (row.status === "sent" && to === "draft") return conflict("A sent invoice cannot go back to draft. Void it instead.");
  return null;
}

/** The fields that belong to the other type: refused on their own field. */
function fieldsOfOtherType(row: ReceivableRow, patch: ReceivablePatch): Refusal | null {
  if (row.type === "invoice" && patch.linked_invoice_id !== undefined) return invalid("linked_invoice_id", "Only a payment is applied to an invoice");
  if (row.type === "payment" && patch.due_date !== undefined) return invalid("due_date", "Only an invoice has a due date");
  if (row.type === "payment" && patch.linked_agreement_id !== undefined) {
    return invalid("linked_agreement_id", "Only an invoice is linked to an agreement");
  }
  return null;
}

/**
 * Changes the fields sent. Sending a draft is `status: "sent"`; applying a
 * credit is a payment's `linked_invoice_id`; `status: "void"` is a void.
 */
export function updateReceivable({ patch, ...ref }: ReceivableRef & { patch: ReceivablePatch }): Promise<Outcome<ReceivableRow>> {
  return withReceivable(ref, (db, row) => patchLockedReceivable(db, ref, row, patch));
}

/** updateReceivable's rules and write, on a row the caller has read and locked (withReceivable). */
export async function patchLockedReceivable(db: Db, ref: ReceivableRef, row: ReceivableRow, patch: ReceivablePatch): Promise<Outcome<ReceivableRow>> {
  const customer = { userId: ref.userId, customerId: row.customerId };
  const otherType = fieldsOfOtherType(row, patch);
  if (otherType) return otherType;
  if (row.status === "void") return conflict(`A void ${NOUN[row.type]} cannot be changed.`);
  const status = patch.status ?? row.status;
  const statusRefused = statusRefusal(row, status) ?? (status === "void" ? await voidRefusal(db, row) : null);
  if (statusRefused) return statusRefused;

  const date = patch.date ?? row.date;
  const dueDate = patch.due_date ?? row.dueDate;
  if (dueDate && dueDate < date) return invalid("due_date", DUE_BEFORE_DATE);
  const invoiceId = patch.linked_invoice_id === undefined ? row.linkedInvoiceId : patch.linked_invoice_id;
  const agreementId = patch.linked_agreement_id === undefined ? row.linkedAgreementId : patch.linked_agreement_id;
  const refused = await checkLinks(db, customer, {
    invoiceId: invoiceId !== row.linkedInvoiceId || patch.amount !== undefined ? invoiceId : null,
    agreementId: agreementId !== row.linkedAgreementId ? agreementId : null,
  });
  if (refused) return refused;
  const reference = patch.reference === undefined ? row.reference : patch.reference;
  if (row.type === "invoice" && reference && reference !== row.reference && (await invoiceNumberTaken(db, ref.userId, reference, row.id))) {
    return numberTaken(reference);
  }
  const amount = patch.amount ?? row.amount;
  if (row.type === "invoice" && status === "sent") {
    // Compared in SQL: money is never a JS float. The row is locked, so paid holds.
    const [check] = await db.$queryRaw<Array<{ below: boolean }>>`SELECT ${amount}::numeric < ${row.paid}::numeric AS below`;
    if (check!.below) return conflict(`The amount cannot go below what has been paid on this invoice (${row.paid}).`);
  }
  await db.$executeRaw`
    UPDATE customer_receivables
       SET amount = ${amount}::numeric, date = ${date}::date, due_date = ${dueDate}::date, status = ${status},
           reference = ${reference}, description = ${patch.description === undefined ? row.description : patch.description},
           linked_invoice_id = ${invoiceId}::uuid, linked_agreement_id = ${agreementId}::uuid
     WHERE id = ${row.id}::uuid`;
  const updated = (await readReceivable(db, ref))!;
  if (row.status === "draft" && status === "sent") await recordMoneyEvent(db, ref.userId, updated);
  return { ok: true, value: updated };
}

/** Voids an invoice without payments on it, or a payment. */
export function voidReceivable(ref: ReceivableRef): Promise<Outcome<ReceivableRow>> {
  return withReceivable(ref, async (db, row) => {
    const refused = await voidRefusal(db, row);
    if (refused) return refused;
    await db.$executeRaw`UPDATE customer_receivables SET status = 'void' WHERE id = ${row.id}::uuid`;
    return { ok: true, value: (await readReceivable(db, ref))! };
  });
}

/** Deletes a draft invoice; anything else is voided, never deleted. */
export function deleteReceivable(ref: ReceivableRef): Promise<Outcome<ReceivableRow>> {
  return withReceivable(ref, async (db, row) => {
    if (row.type === "payment") return conflict("A payment is never deleted. Void it instead.");
    if (row.status === "sent") return conflict("A sent invoice cannot be deleted. Void it instead.");
    if (row.status === "void") return conflict("A void invoice is kept for the record and cannot be deleted.");
    const [links] = await db.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM customer_receivables WHERE linked_invoice_id = ${row.id}::uuid`;
    if (links!.count > 0) return conflict("Payments refer to this invoice. Apply them elsewhere before deleting it.");
    await db.$executeRaw`DELETE FROM customer_receivables WHERE id = ${row.id}::uuid`;
    return { ok: true, value: row };
  });
}
