import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { z } from "zod";
import type { Outcome } from "~/agreements/lifecycle.server";
import type { CustomerRef } from "~/customers/ownership.server";
import type { ReceivableActionFailure, ReceivableIntent } from "~/receivables/actions";
import type { ReceivableType } from "~/receivables/constants";
import type { InvoiceForm, PaymentForm } from "~/receivables/form-schemas";
import { getReceivable, type ReceivableRow } from "~/receivables/receivables.server";
import {
  CreateReceivableApiSchema,
  UpdateReceivableApiSchema,
  type ReceivableInput,
  type ReceivablePatch,
} from "~/receivables/schemas";
import { notFound } from "./responses.server";

/**
 * What the receivables tab's forms share at the HTTP edge: finding the row a
 * form names, turning a form into the domain's input (through the API's own
 * schemas, so a link is checked the one way), and answering a refusal.
 */

/**
 * The row the form names in `field`, if it is the user's, of `type`, and
 * under the page's customer (a live one); a 404 otherwise — missing,
 * malformed, another user's or another customer's read the same.
 */
export async function requireCustomerReceivable(
  ref: CustomerRef,
  formData: FormData,
  type: ReceivableType,
  field = "receivableId",
): Promise<ReceivableRow> {
  const receivableId = formData.get(field);
  if (typeof receivableId !== "string") throw notFound();
  const row = await getReceivable({ userId: ref.userId, receivableId });
  if (!row || row.customerId !== ref.customerId || row.type !== type) throw notFound();
  return row;
}

// The domain and the API name fields as the API does; the forms' are camelCase.
const FORM_FIELD: Record<string, string> = {
  due_date: "dueDate",
  linked_invoice_id: "invoiceId",
  linked_agreement_id: "agreementId",
};

export function formFieldErrors(issues: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(issues).map(([key, messages]) => [FORM_FIELD[key] ?? key, messages]));
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: "invalid"; issues: Record<string, string[]> };

function through<S extends z.ZodTypeAny>(schema: S, body: Record<string, unknown>): Checked<z.output<S>> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issues: Record<string, string[]> = {};
  for (const issue of result.error.issues) (issues[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return { ok: false, reason: "invalid", issues };
}

export function newInvoiceInput(form: InvoiceForm): Checked<ReceivableInput> {
  return through(CreateReceivableApiSchema, {
    type: "invoice",
    amount: form.amount,
    date: form.date,
    due_date: form.dueDate,
    status: form.status,
    reference: form.reference ?? null,
    description: form.description ?? null,
    linked_agreement_id: form.agreementId ?? null,
  });
}

/** An edit posts every field; a blank one clears it (the dates fall back to what is stored). */
export function invoicePatch(form: InvoiceForm): Checked<ReceivablePatch> {
  return through(UpdateReceivableApiSchema, {
    amount: form.amount,
    date: form.date,
    due_date: form.dueDate,
    reference: form.reference ?? null,
    description: form.description ?? null,
    linked_agreement_id: form.agreementId ?? null,
  });
}

export function newPaymentInput(form: PaymentForm): Checked<ReceivableInput> {
  return through(CreateReceivableApiSchema, {
    type: "payment",
    amount: form.amount,
    date: form.date,
    reference: form.reference ?? null,
    description: form.description ?? null,
    linked_invoice_id: form.invoiceId ?? null,
  });
}

/** Applying a payment (credit) to an invoice: the API's PATCH of its link. */
export function applyPatch(invoiceId: string): Checked<ReceivablePatch> {
  return through(UpdateReceivableApiSchema, { linked_invoice_id: invoiceId });
}

type Replyable = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/**
 * A refused outcome as the page's answer: 404 (thrown) for not found, 409
 * with the domain's reason for a conflict, 400 with field errors for invalid
 * input. `submission` keeps what was typed, when the form had fields.
 */
export function refusal(
  failure: { intent: ReceivableIntent; receivableId: string | null; invoiceId?: string | null; submission?: Replyable },
  outcome: Exclude<Outcome<unknown>, { ok: true }>,
): Response {
  const { submission, ...which } = failure;
  if (outcome.reason === "not_found") throw notFound();
  if (outcome.reason === "conflict") {
    return json<ReceivableActionFailure>({ ...which, message: outcome.message, result: submission?.reply() }, { status: 409 });
  }
  const fieldErrors = formFieldErrors(outcome.issues);
  return json<ReceivableActionFailure>(
    { ...which, result: submission?.reply({ fieldErrors }), message: submission ? undefined : Object.values(fieldErrors).flat().join(" ") },
    { status: 400 },
  );
}
