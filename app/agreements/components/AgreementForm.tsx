import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useHydrated } from "~/components/Dialog";
import { FieldErrors } from "~/components/Field";
import { EditForm, OpenedWithField, SelectField, TextareaField, TextField, useConformForm } from "~/components/forms";
import { CancelButton } from "~/components/CancelButton";
import { StatusButton } from "~/components/StatusButton";
import type { FormValues } from "~/utils/edit-merge";
import { useIsPending } from "~/utils/pending";
import { AGREEMENT_LIMITS, AGREEMENT_TYPE_LABELS, AGREEMENT_TYPES, BILLING_PERIODS, type AgreementType } from "../constants";
import { agreementFormValues, AgreementFormSchema } from "../schemas";
import type { AgreementView } from "./AgreementCard";

const typeOptions = AGREEMENT_TYPES.map((type) => ({ value: type, label: AGREEMENT_TYPE_LABELS[type] }));
const periodOptions = BILLING_PERIODS.map((period) => ({ value: period, label: period[0]!.toUpperCase() + period.slice(1) }));

function isAgreementType(value: unknown): value is AgreementType {
  return typeof value === "string" && (AGREEMENT_TYPES as readonly string[]).includes(value);
}

/**
 * Shown for the chosen type only once JavaScript runs (the `hidden` wrapper
 * keeps what was typed, should the user switch back); without it every
 * pricing field is shown and the server reads those of the chosen type.
 */
function PricingField({ show, children }: { show: boolean; children: ReactNode }) {
  return <div hidden={!show}>{children}</div>;
}

interface AgreementFormProps {
  agreement?: AgreementView;
  currency: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** With JavaScript, closes the dialog; without, Cancel is a link back to the tab. */
  onCancel?: () => void;
}

/**
 * Create (no `agreement`) or edit an agreement. The same form is the dialog's
 * content with JavaScript and the page's (?new, ?edit=<id>) without it. An
 * edit carries the values it was opened with (see EditForm).
 */
export function AgreementForm(props: AgreementFormProps) {
  const { agreement, lastResult } = props;
  if (!agreement) return <AgreementFields {...props} />;
  const values = agreementFormValues(agreement);
  return (
    <EditForm lastResult={lastResult} values={values}>
      {(openedWith) => <AgreementFields {...props} values={values} openedWith={openedWith} />}
    </EditForm>
  );
}

function AgreementFields({
  agreement,
  currency,
  lastResult,
  onCancel,
  values,
  openedWith,
}: AgreementFormProps & { values?: FormValues; openedWith?: string }) {
  const intent = agreement ? "update-agreement" : "create-agreement";
  const [form, fields] = useConformForm(AgreementFormSchema, {
    id: agreement ? `agreement-${agreement.id}` : "agreement-new",
    lastResult,
    defaultValue: values ?? { type: "retainer", noticeDays: "30", period: "month" },
  });
  const saving = useIsPending({ intent });
  const enhanced = useHydrated();
  const type: AgreementType = isAgreementType(fields.type.value) ? fields.type.value : "retainer";
  // Without JavaScript every field is shown, so each says which type reads it.
  const shows = (...types: AgreementType[]) => !enhanced || types.includes(type);
  const inCurrency = `In ${currency}.`;

  return (
    <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {agreement ? <input type="hidden" name="agreementId" value={agreement.id} /> : null}
      {openedWith ? <OpenedWithField value={openedWith} /> : null}
      <FieldErrors id={form.errorId} errors={form.errors} />
      <TextareaField label="Scope" meta={fields.scope} hint="What the agreement covers." textareaProps={{ rows: 2, maxLength: AGREEMENT_LIMITS.scope, required: true }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Type" meta={fields.type} options={typeOptions} defaultOption="retainer" />
        <TextField
          label="Notice (days)"
          meta={fields.noticeDays}
          type="number"
          hint="It shows as expiring soon this many days before it ends."
          inputProps={{ min: 0, max: AGREEMENT_LIMITS.noticeDays, step: 1, inputMode: "numeric" }}
        />
        <TextField label="Start date" meta={fields.startDate} type="date" hint="Optional." />
        <TextField label="End date" meta={fields.endDate} type="date" hint="Optional: leave empty if it runs until terminated." />
      </div>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Pricing</legend>
        {enhanced ? null : (
          <p className="text-sm text-slate-600">Fill in the fields of the type you chose above; the others are ignored.</p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <PricingField show={shows("retainer", "fixed_fee")}>
            <TextField
              label={enhanced ? (type === "fixed_fee" ? "Total fee" : "Amount per period") : "Amount"}
              meta={fields.amount}
              hint={enhanced ? inCurrency : `Retainer: per period. Fixed fee: the total. ${inCurrency}`}
              inputProps={{ inputMode: "decimal", autoComplete: "off" }}
            />
          </PricingField>
          <PricingField show={shows("retainer")}>
            <SelectField label="Billing period" meta={fields.period} options={periodOptions} defaultOption="month" hint={enhanced ? undefined : "Retainer."} />
          </PricingField>
          <PricingField show={shows("retainer")}>
            <TextField
              label="Hours included"
              meta={fields.hoursIncluded}
              hint={enhanced ? "Optional, per period." : "Retainer, optional, per period."}
              inputProps={{ inputMode: "decimal", autoComplete: "off" }}
            />
          </PricingField>
          <PricingField show={shows("hourly")}>
            <TextField
              label="Hourly rate"
              meta={fields.rate}
              hint={enhanced ? inCurrency : `Hourly. ${inCurrency}`}
              inputProps={{ inputMode: "decimal", autoComplete: "off" }}
            />
          </PricingField>
          <PricingField show={shows("hourly")}>
            <TextField
              label="Hours cap"
              meta={fields.hoursCap}
              hint={enhanced ? "Optional." : "Hourly, optional."}
              inputProps={{ inputMode: "decimal", autoComplete: "off" }}
            />
          </PricingField>
          <PricingField show={shows("other")}>
            <TextField
              label="Pricing note"
              meta={fields.note}
              hint={enhanced ? "Optional: how it is paid." : "Other, optional: how it is paid."}
              inputProps={{ maxLength: AGREEMENT_LIMITS.note }}
            />
          </PricingField>
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <StatusButton pending={saving} pendingLabel="Saving…">
          {agreement ? "Save agreement" : "Create agreement"}
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </div>
    </Form>
  );
}
