import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { AddDisclosure } from "~/components/AddDisclosure";
import { FieldErrors } from "~/components/Field";
import { SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { dateTimeLocalValue } from "~/utils/time-zone";
import { EventFormSchema } from "../schemas";
import { EVENT_TYPE_LABELS, EVENT_TYPES } from "../constants";
import { ParticipantsField } from "./ParticipantsField";

const eventTypeOptions = EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] ?? type }));

/**
 * The hidden field echoing the date the form offered, so the action can tell
 * an untouched "now" (dated when saved) from a time the user typed.
 */
export const EVENT_DATE_OFFERED = "eventDateOffered";

interface AddEventFormProps {
  lastResult?: SubmissionResult<string[]> | null;
  /** With `timeZone` (the account's), the date the form offers: now on the account's clock, the same text on server and browser. */
  now: Date;
  timeZone: string;
}

export function AddEventForm({ lastResult, now, timeZone }: AddEventFormProps) {
  return (
    <AddDisclosure summary="Add event" icon="calendar-plus" open={Boolean(lastResult)}>
      {(onSaved) => <EventForm lastResult={lastResult} now={now} timeZone={timeZone} onSaved={onSaved} />}
    </AddDisclosure>
  );
}

function EventForm({ lastResult, now, timeZone, onSaved }: AddEventFormProps & { onSaved: () => void }) {
  // Fixed for the form's life, as the input's own default is: the hidden echo
  // must name the date the input shows. After a refused post (a new page
  // without JavaScript), the date first offered, not a newer now; after a
  // save the form starts over with the loader's new now.
  const [offered] = useState(() => {
    const echoed = lastResult?.status === "error" ? lastResult.initialValue?.[EVENT_DATE_OFFERED] : undefined;
    return typeof echoed === "string" ? echoed : dateTimeLocalValue(now, timeZone);
  });
  const [form, fields] = useConformForm(EventFormSchema, { id: "add-event", lastResult, onSaved, defaultValue: { eventDate: offered } });
  const saving = useIsPending({ intent: "add-event" });
  return (
    <Form method="post" preventScrollReset className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-event" />
      <input type="hidden" name={EVENT_DATE_OFFERED} value={offered} />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Type" meta={fields.eventType} options={eventTypeOptions} defaultOption="note" />
        <TextField label="Date" meta={fields.eventDate} type="datetime-local" hint={`Your time (${timeZone.replaceAll("_", " ")}), as set in Account.`} />
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
