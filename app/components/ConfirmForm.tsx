import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CancelButton } from "./CancelButton";
import { dangerButtonClass, primaryButtonClass } from "./Field";
import { StatusButton } from "./StatusButton";
import { useIsPending, useSubmissionGuard } from "~/utils/pending";

/**
 * The body of a "are you sure?" step: the question and a plain form that
 * posts `intent` with `fields`. The same content is a dialog with JavaScript
 * (`onCancel` closes it) and a part of the page without, opened by a link
 * such as `?confirm=<action>&…Id=<id>` (Cancel is then a link back).
 * `children` go between the question and the buttons (a refusal, a way out).
 * It posts once until the page moves on (useSubmissionGuard).
 */
export function ConfirmForm({
  question,
  questionId,
  intent,
  fields,
  confirmLabel,
  pendingLabel,
  danger = false,
  onCancel,
  children,
}: {
  question: string;
  questionId?: string;
  intent: string;
  fields: Record<string, string>;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const pending = useIsPending({ intent });
  const onSubmit = useSubmissionGuard();
  return (
    <div className="space-y-4">
      <p id={questionId} className="wrap-anywhere">
        {question}
      </p>
      {children}
      <Form method="post" preventScrollReset className="flex flex-wrap gap-2" onSubmit={onSubmit}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <StatusButton className={danger ? dangerButtonClass : primaryButtonClass} pending={pending} pendingLabel={pendingLabel}>
          {confirmLabel}
        </StatusButton>
        <CancelButton onCancel={onCancel} />
      </Form>
    </div>
  );
}
