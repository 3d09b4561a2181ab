import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CancelButton } from "~/components/CancelButton";
import { FieldErrors } from "~/components/Field";
import { EditForm, OpenedWithField, SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import type { FormValues } from "~/utils/edit-merge";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { RECEIVABLE_LIMITS } from "../constants";
import { InvoiceFormSchema, invoiceFormValues } from "../form-schemas";
import type { AgreementOption, ReceivableView } from "./views";

export interface InvoiceDefaultsView {
  reference: string;
  date: string;
  dueDate: string;
}

const sendOptions = [
  { value: "draft", label: "Save as a draft" },
  { value: "sent", label: "Send now" },
];

/**
 * Create (no `invoice`) or edit an invoice (an edit carries the values it
 * was opened with, see EditForm): the dialog's content with
 * JavaScript, the page's (?new=invoice, ?edit=<id>) without. A new one starts
 * from the suggested number, today and the due date the payment terms give;
 * a sent invoice keeps its status here (voiding is its own step), and the
 * server refuses an amount below what is paid on it.
 */
interface InvoiceFormProps {
  invoice?: ReceivableView;
  defaults: InvoiceDefaultsView;
  agreements: AgreementOption[];
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
  onCancel?: () => void;
}

export function InvoiceForm(props: InvoiceFormProps) {
  const { invoice, lastResult } = props;
  if (!invoice) return <InvoiceFields {...props} />;
  const values = invoiceFormValues(invoice);
  return (
    <EditForm lastResult={lastResult} values={values}>
      {(openedWith) => <InvoiceFields {...props} values={values} openedWith={openedWith} />}
    </EditForm>
  );
}

function InvoiceFields({
  invoice,
  defaults,
  agreements,
  currency,
  lastResult,
  onCancel,
  values,
  openedWith,
}: InvoiceFormProps & { values?: FormValues; openedWith?: string }) {
  const intent = invoice ? "update-invoice" : "create-invoice";
  const [form, fields] = useConformForm(InvoiceFormSchema, {
    id: invoice ? `invoice-${invoice.id}` : "invoice-new",
    lastResult,
    defaultValue: values ?? { reference: defaults.reference, date: defaults.date, dueDate: defaults.dueDate, status: "draft" },
  });
  const saving = useIsPending({ intent });
  const agreementOptions = [{ value: "", label: "None" }, ...agreements.map((agreement) => ({ value: agreement.id, label: agreement.scope }))];

  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {invoice ? <input type="hidden" name="receivableId" value={invoice.id} /> : null}
      {openedWith ? <OpenedWithField value={openedWith} /> : null}
      <FieldErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Invoice number"
          meta={fields.reference}
          hint={invoice ? undefined : "Suggested from your last invoice."}
          inputProps={{ maxLength: RECEIVABLE_LIMITS.reference, autoComplete: "off" }}
        />
        <TextField label="Amount" meta={fields.amount} hint={`In ${currency}.`} inputProps={{ inputMode: "decimal", autoComplete: "off" }} />
        <TextField label="Invoice date" meta={fields.date} type="date" hint={invoice ? undefined : "Today if left empty."} />
        <TextField label="Due date" meta={fields.dueDate} type="date" hint={invoice ? undefined : "From your payment terms if left empty."} />
      </div>
      <TextareaField label="Description" meta={fields.description} hint="Optional." textareaProps={{ rows: 2, maxLength: RECEIVABLE_LIMITS.description }} />
      {agreements.length > 0 ? <SelectField label="Agreement" meta={fields.agreementId} options={agreementOptions} defaultOption="" hint="Optional: the agreement it bills." /> : null}
      {invoice ? null : <SelectField label="Save as" meta={fields.status} options={sendOptions} defaultOption="draft" />}
      <div className="flex flex-wrap gap-2">
        <StatusButton pending={saving} pendingLabel="Saving…">
          {invoice ? "Save invoice" : "Create invoice"}
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </div>
    </Form>
  );
}
