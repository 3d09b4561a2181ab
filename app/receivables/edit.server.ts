import type { Outcome } from "~/agreements/lifecycle.server";
import { mergeEdit, type FormValues, type OpenedWith, type StaleEdit } from "~/utils/edit-merge";
import { INVOICE_FORM_FIELDS, invoiceFormValues, type InvoiceFormField } from "./form-schemas";
import type { ReceivableRef, ReceivableRow } from "./receivables.server";
import type { ReceivablePatch } from "./schemas";
import { patchLockedReceivable, withReceivable } from "./writes.server";

// Which field of the API's patch each field of the form writes.
const PATCH_KEY: Record<InvoiceFormField, keyof ReceivablePatch> = {
  reference: "reference",
  amount: "amount",
  date: "date",
  dueDate: "due_date",
  description: "description",
  agreementId: "linked_agreement_id",
};

/**
 * The invoice edit form's save (docs/decisions/0012): under the row's lock,
 * the posted values are merged with what the form was opened with and what
 * the row holds now. Only the fields the user changed are written; one that
 * someone else changed meanwhile, to something else, refuses the edit as
 * stale. `patch` is the whole form, validated; the merge picks from it.
 */
export function editInvoice({
  opened = null,
  posted,
  patch,
  ...ref
}: ReceivableRef & OpenedWith & { posted: FormValues; patch: ReceivablePatch }): Promise<Outcome<ReceivableRow> | StaleEdit> {
  return withReceivable(ref, async (db, row): Promise<Outcome<ReceivableRow> | StaleEdit> => {
    const merge = mergeEdit(INVOICE_FORM_FIELDS, { opened, mine: posted, current: invoiceFormValues(row) });
    if (merge.conflicts.length) return { stale: merge };
    const changed: ReceivablePatch = {};
    for (const field of merge.changed) Object.assign(changed, { [PATCH_KEY[field]]: patch[PATCH_KEY[field]] });
    return patchLockedReceivable(db, ref, row, changed);
  });
}
