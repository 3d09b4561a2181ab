import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FieldErrors, secondaryButtonClass } from "~/components/Field";
import { SelectField, TextField, useConformForm } from "~/components/forms";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { AccountSettingsSchema, PAYMENT_TERMS_MAX_DAYS } from "../schemas";

interface Option {
  value: string;
  label: string;
}

/**
 * Time zone, currency and payment terms. With JavaScript, a button offers the
 * browser's own zone when it differs from the chosen one.
 */
export function SettingsForm({
  settings,
  timeZones,
  currencies,
  lastResult,
}: {
  settings: { timeZone: string; currency: string; paymentTermsDays: number };
  timeZones: Option[];
  currencies: Option[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useConformForm(AccountSettingsSchema, {
    id: "account-settings",
    lastResult,
    defaultValue: { ...settings, paymentTermsDays: String(settings.paymentTermsDays) },
  });
  const saving = useIsPending({ intent: "update-settings" });
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== settings.timeZone && timeZones.some((option) => option.value === zone)) setBrowserZone(zone);
  }, [settings.timeZone, timeZones]);

  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="update-settings" />
      <FieldErrors id={form.errorId} errors={form.errors} />
      <SelectField
        label="Time zone"
        meta={fields.timeZone}
        options={timeZones}
        hint="Decides what “today” is for agreements and invoices, and how times are shown."
      />
      {browserZone ? (
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => form.update({ name: fields.timeZone.name, value: browserZone })}
        >
          Use this device’s zone ({browserZone})
        </button>
      ) : null}
      <SelectField label="Currency" meta={fields.currency} options={currencies} hint="All amounts of this account are in it." />
      <TextField
        label="Payment terms (days)"
        meta={fields.paymentTermsDays}
        type="number"
        hint="An invoice is due this many days after its date, unless you set another due date."
        inputProps={{ min: 0, max: PAYMENT_TERMS_MAX_DAYS, step: 1, inputMode: "numeric" }}
      />
      <StatusButton pending={saving} pendingLabel="Saving…">
        Save settings
      </StatusButton>
    </Form>
  );
}
