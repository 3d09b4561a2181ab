import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SelectField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { CreateCustomerFormSchema } from "../schemas";
import { CUSTOMER_STATUSES, STATUS_LABELS } from "../constants";

const statusOptions = CUSTOMER_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/**
 * The New Customer form: a page at /customers/new, a dialog over the list when
 * JavaScript runs. Either way a plain POST with intent=create.
 */
export function NewCustomerForm({
  action,
  lastResult,
  autoFocus = true,
}: {
  action: string;
  lastResult?: SubmissionResult<string[]> | null;
  autoFocus?: boolean;
}) {
  const [form, fields] = useConformForm(CreateCustomerFormSchema, { id: "new-customer", lastResult });
  const submitting = useIsPending({ intent: "create" });

  return (
    <Form method="post" action={action} className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="create" />
      <TextField
        label="Name"
        meta={fields.name}
        inputProps={{ autoFocus, autoComplete: "organization", placeholder: "Acme Corp" }}
      />
      <SelectField label="Status" meta={fields.status} options={statusOptions} defaultOption="lead" />
      <StatusButton pending={submitting} pendingLabel="Creating…">
        Create customer
      </StatusButton>
    </Form>
  );
}
