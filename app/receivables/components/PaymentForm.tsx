import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CancelButton } from "~/components/CancelButton";
import { FieldErrors } from "~/components/Field";
import { SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { formatDate, formatMoney } from "~/utils/format";
import { useIsPending } from "~/utils/pending";
import { RECEIVABLE_LIMITS } from "../constants";
import { ApplyPaymentFormSchema, PaymentFormSchema } from "../form-schemas";
import { isPositiveMoney, type ReceivableView } from "./views";

function invoiceOption(invoice: ReceivableView, currency: string) {
  return {
    value: invoice.id,
    label: `Invoice ${invoice.reference ?? "(no number)"} · balance ${formatMoney(invoice.balance ?? "0.00", currency)}`,
  };
}

/**
 * Record a payment: from an invoice's row it is for that invoice, its amount
 * prefilled with the balance; on its own it goes to no invoice and is credit,
 * unless an invoice is chosen. `invoices` are those that take payments.
 */
export function PaymentForm({
  invoiceId,
  invoices,
  today,
  currency,
  lastResult,
  onCancel,
}: {
  invoiceId: string | null;
  invoices: ReceivableView[];
  today: string;
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
  onCancel?: () => void;
}) {
  const invoice = invoices.find((candidate) => candidate.id === invoiceId);
  const [form, fields] = useConformForm(PaymentFormSchema, {
    id: `payment-new-${invoiceId ?? "credit"}`,
    lastResult,
    defaultValue: {
      invoiceId: invoice?.id ?? "",
      amount: invoice && isPositiveMoney(invoice.balance) ? invoice.balance! : "",
      date: today,
    },
  });
  const saving = useIsPending({ intent: "record-payment" });
  const options = [{ value: "", label: "No invoice: keep as credit" }, ...invoices.map((candidate) => invoiceOption(candidate, currency))];
  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="record-payment" />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <SelectField label="Applied to" meta={fields.invoiceId} options={options} defaultOption="" hint="A payment on no invoice is credit, to apply later." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Amount" meta={fields.amount} hint={`In ${currency}.`} inputProps={{ inputMode: "decimal", autoComplete: "off" }} />
        <TextField label="Date received" meta={fields.date} type="date" />
      </div>
      <TextField label="Reference" meta={fields.reference} hint="Optional: a bank or transfer reference." inputProps={{ maxLength: RECEIVABLE_LIMITS.reference, autoComplete: "off" }} />
      <TextareaField label="Description" meta={fields.description} hint="Optional." textareaProps={{ rows: 2, maxLength: RECEIVABLE_LIMITS.description }} />
      <div className="flex flex-wrap gap-2">
        <StatusButton pending={saving} pendingLabel="Recording…">
          Record payment
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </div>
    </Form>
  );
}

/** Apply an unapplied payment (credit) to an invoice that takes payments. */
export function ApplyPaymentForm({
  payment,
  invoices,
  currency,
  lastResult,
  onCancel,
}: {
  payment: ReceivableView;
  invoices: ReceivableView[];
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
  onCancel?: () => void;
}) {
  const [form, fields] = useConformForm(ApplyPaymentFormSchema, {
    id: `apply-${payment.id}`,
    lastResult,
    defaultValue: { receivableId: payment.id, invoiceId: invoices[0]?.id ?? "" },
  });
  const saving = useIsPending({ intent: "apply-payment" });
  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <p>
        Apply the payment of {formatMoney(payment.amount, currency)} received on {formatDate(payment.date)} to an invoice. It stops counting as credit.
      </p>
      <input type="hidden" name="intent" value="apply-payment" />
      <input type="hidden" name="receivableId" value={payment.id} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <SelectField label="Invoice" meta={fields.invoiceId} options={invoices.map((invoice) => invoiceOption(invoice, currency))} />
      <div className="flex flex-wrap gap-2">
        <StatusButton pending={saving} pendingLabel="Applying…">
          Apply payment
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </div>
    </Form>
  );
}
