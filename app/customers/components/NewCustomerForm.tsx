import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field, inputClass } from "~/components/Field";
import { CreateCustomerFormSchema, CUSTOMER_STATUSES, STATUS_LABELS } from "../schemas";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";

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
  const [form, fields] = useForm({
    id: "new-customer",
    lastResult,
    constraint: getZodConstraint(CreateCustomerFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateCustomerFormSchema }),
  });
  const submitting = useIsPending({ intent: "create" });

  return (
    <Form method="post" action={action} className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="create" />
      <Field label="Name" id={fields.name.id} errorId={fields.name.errorId} errors={fields.name.errors}>
        <input
          {...getInputProps(fields.name, { type: "text" })}
          autoFocus={autoFocus}
          autoComplete="organization"
          placeholder="Acme Corp"
          className={inputClass}
        />
      </Field>
      <Field label="Status" id={fields.status.id} errorId={fields.status.errorId} errors={fields.status.errors}>
        <select {...getSelectProps(fields.status)} defaultValue={fields.status.initialValue ?? "lead"} className={inputClass}>
          {CUSTOMER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </Field>
      <StatusButton pending={submitting} pendingLabel="Creating…">
        Create customer
      </StatusButton>
    </Form>
  );
}
