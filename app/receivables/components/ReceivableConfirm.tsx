import { ConfirmForm } from "~/components/ConfirmForm";
import { RefusalAlert } from "~/components/RefusalAlert";
import { formatDate, formatMoney } from "~/utils/format";
import type { ConfirmAction } from "../actions";
import { invoiceName, type ReceivableView } from "./views";

export const CONFIRM_TITLES: Record<ConfirmAction, string> = {
  "void-invoice": "Void invoice",
  "delete-invoice": "Delete draft",
  "void-payment": "Void payment",
};

const PENDING: Record<ConfirmAction, string> = {
  "void-invoice": "Voiding…",
  "delete-invoice": "Deleting…",
  "void-payment": "Voiding…",
};

function question(action: ConfirmAction, row: ReceivableView, currency: string): string {
  switch (action) {
    case "void-invoice":
      return `Void ${invoiceName(row)}? It stays on record as void and no longer counts as owed. An invoice with payments on it cannot be voided: void or apply them elsewhere first.`;
    case "delete-invoice":
      return `Delete the draft ${invoiceName(row)}? This cannot be undone.`;
    case "void-payment":
      return `Void the payment of ${formatMoney(row.amount, currency)} received on ${formatDate(row.date)}? It stays on record as void and no longer counts as paid.`;
  }
}

/**
 * The "are you sure?" of a destructive step: a dialog with JavaScript, the
 * page's own section (?confirm=<action>&receivableId=<id>) without, as the
 * agreements tab does. A refusal (409) shows where the user is looking.
 */
export function ReceivableConfirm({
  action,
  row,
  currency,
  refusal,
  onCancel,
}: {
  action: ConfirmAction;
  row: ReceivableView;
  currency: string;
  refusal?: string | null;
  onCancel?: () => void;
}) {
  return (
    <ConfirmForm
      question={question(action, row, currency)}
      questionId={`confirm-${action}-${row.id}-description`}
      intent={action}
      fields={{ receivableId: row.id }}
      confirmLabel={CONFIRM_TITLES[action]}
      pendingLabel={PENDING[action]}
      danger
      onCancel={onCancel}
    >
      {refusal ? <RefusalAlert message={refusal} /> : null}
    </ConfirmForm>
  );
}
