import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ConfirmForm } from "~/components/ConfirmForm";
import { RefusalAlert } from "~/components/RefusalAlert";
import { dangerButtonClass, FieldErrors, secondaryButtonClass } from "~/components/Field";
import { TextareaField, TextField, useConformForm } from "~/components/forms";
import { CancelButton } from "~/components/CancelButton";
import { StatusButton } from "~/components/StatusButton";
import { formatDate } from "~/utils/format";
import { useIsPending } from "~/utils/pending";
import { LIFECYCLE_INTENT, LIFECYCLE_LABELS, type LifecycleAction } from "../actions";
import { AGREEMENT_LIMITS } from "../constants";
import { TerminateFormSchema } from "../schemas";
import { agreementName, PanelLink, type AgreementView } from "./AgreementCard";
import type { AgreementPanel } from "./panels";

export const CONFIRM_TITLES: Record<LifecycleAction, string> = {
  terminate: "Terminate agreement",
  suspend: "Suspend agreement",
  resume: "Resume agreement",
  renew: "Renew agreement",
  delete: "Delete agreement",
};

function question(action: LifecycleAction, agreement: AgreementView): string {
  const name = `“${agreementName(agreement)}”`;
  switch (action) {
    case "terminate":
      return `Terminate ${name}? It shows as terminated from then on, and its end date moves to the termination date if it was later or not set.`;
    case "suspend":
      return `Suspend ${name}? It shows as suspended, whatever its dates, until you resume it.`;
    case "resume":
      return `Resume ${name}? Its status goes back to what its dates say.`;
    case "renew":
      return `Renew ${name}? A new agreement with the same scope, type, pricing and notice starts the day after this one ends (${formatDate(agreement.endDate)}) and runs as long.`;
    case "delete":
      return `Delete ${name}? This cannot be undone. An agreement that invoices, payments or projects refer to cannot be deleted: terminate it instead.`;
  }
}

/**
 * The confirmation of one lifecycle action: a plain form with the agreement's
 * id (terminate adds its date and reason). The dialog's content with
 * JavaScript, the page's (?confirm=<action>&agreementId=<id>) without.
 */
export function AgreementConfirm({
  action,
  agreement,
  today,
  lastResult,
  refusal,
  onCancel,
  onOpen,
}: {
  action: LifecycleAction;
  agreement: AgreementView;
  /** The account's today, the termination date's default. */
  today: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** Why the server refused the last try (409). */
  refusal?: string | null;
  onCancel?: () => void;
  /** Opens another panel in place (the "Terminate instead" of a refused delete). */
  onOpen?: (panel: AgreementPanel) => void;
}) {
  const descriptionId = `confirm-${action}-${agreement.id}-description`;
  if (action === "terminate") {
    return (
      <TerminateForm agreement={agreement} today={today} lastResult={lastResult} refusal={refusal} onCancel={onCancel} descriptionId={descriptionId} />
    );
  }
  return (
    <ConfirmForm
      question={question(action, agreement)}
      questionId={descriptionId}
      intent={LIFECYCLE_INTENT[action]}
      fields={{ agreementId: agreement.id }}
      confirmLabel={CONFIRM_TITLES[action]}
      pendingLabel={`${LIFECYCLE_LABELS[action]}…`}
      danger={action === "delete"}
      onCancel={onCancel}
    >
      {refusal ? <RefusalAlert message={refusal} /> : null}
      {refusal && action === "delete" && agreement.status !== "terminated" ? (
        <PanelLink panel={{ kind: "terminate", agreementId: agreement.id }} onOpen={onOpen} className={secondaryButtonClass}>
          Terminate instead
        </PanelLink>
      ) : null}
    </ConfirmForm>
  );
}

function TerminateForm({
  agreement,
  today,
  lastResult,
  refusal,
  onCancel,
  descriptionId,
}: {
  agreement: AgreementView;
  today: string;
  lastResult?: SubmissionResult<string[]> | null;
  refusal?: string | null;
  onCancel?: () => void;
  descriptionId: string;
}) {
  // Today, unless it has not started yet: it cannot end before it starts.
  const defaultDate = agreement.startDate && agreement.startDate > today ? agreement.startDate : today;
  const [form, fields] = useConformForm(TerminateFormSchema, {
    id: `terminate-${agreement.id}`,
    lastResult,
    defaultValue: { agreementId: agreement.id, date: defaultDate },
  });
  const pending = useIsPending({ intent: "terminate-agreement" });
  return (
    <div className="space-y-4">
      <p id={descriptionId}>{question("terminate", agreement)}</p>
      {refusal ? <RefusalAlert message={refusal} /> : null}
      <Form method="post" preventScrollReset className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="terminate-agreement" />
        <input type="hidden" name="agreementId" value={agreement.id} />
        <FieldErrors id={form.errorId} errors={form.errors} />
        <TextField
          label="Termination date"
          meta={fields.date}
          type="date"
          hint={agreement.startDate ? `Not before its start (${formatDate(agreement.startDate)}).` : undefined}
        />
        <TextareaField label="Reason" meta={fields.reason} hint="Optional." textareaProps={{ rows: 3, maxLength: AGREEMENT_LIMITS.reason }} />
        <div className="flex flex-wrap gap-2">
          <StatusButton className={dangerButtonClass} pending={pending} pendingLabel="Terminating…">
            Terminate agreement
          </StatusButton>
          <CancelButton onCancel={onCancel} />
        </div>
      </Form>
    </div>
  );
}
