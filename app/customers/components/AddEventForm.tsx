import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CalendarPlus } from "lucide-react";
import { Field, FieldErrors, inputClass } from "~/components/Field";
import { EVENT_TYPE_LABELS, EVENT_TYPES, EventFormSchema } from "../schemas";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";

export function AddEventForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm({
    id: "add-event",
    lastResult,
    constraint: getZodConstraint(EventFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventFormSchema }),
  });
  const saving = useIsPending({ intent: "add-event" });
  return (
    <details className="rounded-md border border-slate-200 p-3" open={lastResult ? true : undefined}>
      <summary className="flex cursor-pointer items-center gap-2 text-sm font-medium text-indigo-700">
        <CalendarPlus aria-hidden="true" className="h-4 w-4" />
        Add event
      </summary>
      <Form method="post" preventScrollReset className="mt-3 space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-event" />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Type" id={fields.eventType.id} errorId={fields.eventType.errorId} errors={fields.eventType.errors}>
            <select {...getSelectProps(fields.eventType)} defaultValue={fields.eventType.initialValue ?? "note"} className={inputClass}>
              {EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {EVENT_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label="Date"
            id={fields.eventDate.id}
            errorId={fields.eventDate.errorId}
            errors={fields.eventDate.errors}
            hint="In UTC. Leave empty for now."
          >
            <input {...getInputProps(fields.eventDate, { type: "datetime-local" })} className={inputClass} />
          </Field>
        </div>
        <Field label="Title" id={fields.title.id} errorId={fields.title.errorId} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} className={inputClass} />
        </Field>
        <Field label="Description" id={fields.description.id} errorId={fields.description.errorId} errors={fields.description.errors}>
          <textarea {...getTextareaProps(fields.description)} rows={3} className={inputClass} />
        </Field>
        <Field
          label="Participants"
          id={fields.participants.id}
          errorId={fields.participants.errorId}
          errors={fields.participants.errors}
          hint="Separate names with commas."
        >
          <input {...getInputProps(fields.participants, { type: "text" })} className={inputClass} />
        </Field>
        <StatusButton pending={saving} pendingLabel="Adding…">
          Add event
        </StatusButton>
      </Form>
    </details>
  );
}
