import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listAgreements } from "~/agreements/agreements.server";
import { requireUser, requireUserId } from "~/auth/session.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";
import { getCustomer } from "~/customers/customers.server";
import { loadCustomerTabPage } from "~/http/customer-tab.server";
import {
  applyPatch,
  invoicePatch,
  newInvoiceInput,
  newPaymentInput,
  refusal,
  requireCustomerReceivable,
} from "~/http/receivable-forms.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import { staleEditReply } from "~/http/stale-edit.server";
import type { ReceivableActionFailure, ReceivableIntent } from "~/receivables/actions";
import { ReceivablesTab } from "~/receivables/components/ReceivablesTab";
import { ApplyPaymentFormSchema, INVOICE_FORM_FIELDS, INVOICE_FORM_LABELS, InvoiceFormSchema, PaymentFormSchema } from "~/receivables/form-schemas";
import { editInvoice } from "~/receivables/edit.server";
import { loadReceivablesTab } from "~/receivables/tab.server";
import { createReceivable, deleteReceivable, updateReceivable, voidReceivable } from "~/receivables/writes.server";
import { formValuesOf, openedWithOf } from "~/utils/edit-merge";
import { readFormData } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * The Receivables tab: the summary, invoices and payments, and every change
 * to them as a plain form post (CONTRACT.md). A form acting on a row names
 * it `receivableId` (for apply-payment and void-payment, the payment); the
 * invoice a payment goes to is `invoiceId`. A row that is not this live
 * customer's, whoever's it is, is a 404; the domain's 400 and 409 come back
 * to the form that posted, with what was typed.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  // One statement: the customer (shared with the layout), the rows, the summary and the form's choices.
  const data = await loadCustomerTabPage(request, params, loadReceivablesTab);
  // The session lookup (already made, and memoised per request) brings the settings.
  const { settings } = await requireUser(request);
  const pick = <Row extends { type: string }>(type: string, rows: Row[]) => rows.filter((row) => row.type === type);
  const view = data.receivables.map((row) => ({
    id: row.id,
    type: row.type,
    amount: row.amount,
    date: row.date,
    dueDate: row.dueDate,
    status: row.status,
    displayStatus: row.displayStatus,
    paid: row.paid,
    balance: row.balance,
    reference: row.reference,
    description: row.description,
    linkedInvoiceId: row.linkedInvoiceId,
    linkedAgreementId: row.linkedAgreementId,
  }));
  return json({
    invoices: pick("invoice", view),
    payments: pick("payment", view),
    summary: data.summary,
    agreements: data.agreements,
    defaults: data.defaults,
    currency: settings.currency,
  });
}

function invalid(failure: ReceivableActionFailure) {
  return json<ReceivableActionFailure>(failure, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  // Checked first, so that every intent on another user's or an archived customer is the same 404, valid or not.
  if (!(await getCustomer(ref))) throw notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent") as ReceivableIntent | null;
  const done = (message: string) => redirectWithToast(`/customers/${ref.customerId}/receivables`, { kind: "success", message });
  const userId = ref.userId;

  switch (intent) {
    case "create-invoice": {
      const submission = parseWithZod(formData, { schema: InvoiceFormSchema });
      if (submission.status !== "success") return invalid({ intent, receivableId: null, result: submission.reply() });
      const checked = newInvoiceInput(submission.value);
      if (!checked.ok) return refusal({ intent, receivableId: null, submission }, checked);
      const outcome = await createReceivable({ ...ref, input: checked.value });
      if (!outcome.ok) return refusal({ intent, receivableId: null, submission }, outcome);
      const { reference, status } = outcome.value;
      return done(status === "sent" ? `Invoice ${reference ?? ""} created and sent.` : `Invoice ${reference ?? ""} saved as a draft.`);
    }
    case "update-invoice": {
      const receivableId = (await requireCustomerReceivable(ref, formData, "invoice")).id;
      const submission = parseWithZod(formData, { schema: InvoiceFormSchema });
      if (submission.status !== "success") return invalid({ intent, receivableId, result: submission.reply() });
      const checked = invoicePatch(submission.value);
      if (!checked.ok) return refusal({ intent, receivableId, submission }, checked);
      const outcome = await editInvoice({
        userId,
        receivableId,
        patch: checked.value,
        posted: formValuesOf(submission.payload, INVOICE_FORM_FIELDS),
        opened: openedWithOf(formData, INVOICE_FORM_FIELDS),
      });
      if ("stale" in outcome) {
        const scopes = new Map((await listAgreements(ref)).map((agreement) => [agreement.id, agreement.scope]));
        const result = staleEditReply(submission, outcome.stale, INVOICE_FORM_LABELS, (field, value) =>
          field === "agreementId" ? (scopes.get(value) ?? value) : value,
        );
        return json<ReceivableActionFailure>({ intent, receivableId, result }, { status: 409 });
      }
      if (!outcome.ok) return refusal({ intent, receivableId, submission }, outcome);
      return done(`Invoice ${outcome.value.reference ?? ""} saved.`);
    }
    case "send-invoice": {
      const row = await requireCustomerReceivable(ref, formData, "invoice");
      const outcome = await updateReceivable({ userId, receivableId: row.id, patch: { status: "sent" } });
      if (!outcome.ok) return refusal({ intent, receivableId: row.id }, outcome);
      return done(`Invoice ${row.reference ?? ""} sent.`);
    }
    case "void-invoice":
    case "delete-invoice":
    case "void-payment": {
      const row = await requireCustomerReceivable(ref, formData, intent === "void-payment" ? "payment" : "invoice");
      const outcome = await (intent === "delete-invoice" ? deleteReceivable : voidReceivable)({ userId, receivableId: row.id });
      if (!outcome.ok) return refusal({ intent, receivableId: row.id }, outcome);
      return done({ "void-invoice": `Invoice ${row.reference ?? ""} voided.`, "delete-invoice": `Draft ${row.reference ?? ""} deleted.`, "void-payment": "Payment voided." }[intent]);
    }
    case "record-payment": {
      const submission = parseWithZod(formData, { schema: PaymentFormSchema });
      const invoiceId = typeof formData.get("invoiceId") === "string" ? String(formData.get("invoiceId")) || null : null;
      if (submission.status !== "success") return invalid({ intent, receivableId: null, invoiceId, result: submission.reply() });
      const checked = newPaymentInput(submission.value);
      if (!checked.ok) return refusal({ intent, receivableId: null, invoiceId, submission }, checked);
      const outcome = await createReceivable({ ...ref, input: checked.value });
      if (!outcome.ok) return refusal({ intent, receivableId: null, invoiceId, submission }, outcome);
      return done(outcome.value.linkedInvoiceId ? "Payment recorded." : "Payment recorded as credit.");
    }
    case "apply-payment": {
      const row = await requireCustomerReceivable(ref, formData, "payment");
      const submission = parseWithZod(formData, { schema: ApplyPaymentFormSchema });
      if (submission.status !== "success") return invalid({ intent, receivableId: row.id, result: submission.reply() });
      const checked = applyPatch(submission.value.invoiceId);
      if (!checked.ok) return refusal({ intent, receivableId: row.id, submission }, checked);
      const outcome = await updateReceivable({ userId, receivableId: row.id, patch: checked.value });
      if (!outcome.ok) return refusal({ intent, receivableId: row.id, submission }, outcome);
      return done("Payment applied to the invoice.");
    }
    default:
      return unknownIntent();
  }
}

export default function ReceivablesRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "intent" in actionData ? (actionData as ReceivableActionFailure) : null;
  return <ReceivablesTab {...data} failure={failure} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
