import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CalendarPlus } from "lucide-react";
import { FieldErrors } from "~/components/Field";
import { SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { EventFormSchema } from "../schemas";
import { EVENT_TYPE_LABELS, EVENT_TYPES } from "../constants";
import { ParticipantsField } from "./ParticipantsField";

const eventTypeOptions = EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] ?? type }));

export function AddEventForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const [form, fields] = useConformForm(EventFormSchema, { id: "add-event", lastResult });
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
          <SelectField label="Type" meta={fields.eventType} options={eventTypeOptions} defaultOption="note" />
          <TextField label="Date" meta={fields.eventDate} type="datetime-local" hint="In UTC. Leave empty for now." />
        </div>
        <TextField label="Title" meta={fields.title} />
        <TextareaField label="Description" meta={fields.description} textareaProps={{ rows: 3 }} />
        <ParticipantsField meta={fields.participants} />
        <StatusButton pending={saving} pendingLabel="Adding…">
          Add event
        </StatusButton>
      </Form>
    </details>
  );
}
