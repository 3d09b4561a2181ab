import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CalendarPlus } from "lucide-react";
import { AddDisclosure } from "~/components/AddDisclosure";
import { FieldErrors } from "~/components/Field";
import { SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { EventFormSchema } from "../schemas";
import { EVENT_TYPE_LABELS, EVENT_TYPES } from "../constants";
import { ParticipantsField } from "./ParticipantsField";

const eventTypeOptions = EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] ?? type }));

export function AddEventForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  return (
    <AddDisclosure summary="Add event" icon={CalendarPlus} open={Boolean(lastResult)}>
      {(onSaved) => <EventForm lastResult={lastResult} onSaved={onSaved} />}
    </AddDisclosure>
  );
}

function EventForm({ lastResult, onSaved }: { lastResult?: SubmissionResult<string[]> | null; onSaved: () => void }) {
  const [form, fields] = useConformForm(EventFormSchema, { id: "add-event", lastResult, onSaved });
  const saving = useIsPending({ intent: "add-event" });
  return (
    <Form method="post" preventScrollReset className="space-y-3" {...getFormProps(form)}>
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
  );
}
