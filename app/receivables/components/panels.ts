import { isConfirmAction, type ConfirmAction, type ReceivableActionFailure } from "../actions";

/**
 * The form the receivables tab has open. Without JavaScript it is in the URL
 * (?new=invoice, ?new=payment[&invoiceId=], ?edit=<id>, ?apply=<id>,
 * ?confirm=<action>&receivableId=<id>) and shown on the page; with
 * JavaScript the same links open it in a dialog.
 */
export type ReceivablePanel =
  | { kind: "new-invoice" }
  | { kind: "record-payment"; invoiceId: string | null }
  | { kind: "edit-invoice"; receivableId: string }
  | { kind: "apply-payment"; receivableId: string }
  | { kind: ConfirmAction; receivableId: string };

export function panelHref(panel: ReceivablePanel): string {
  switch (panel.kind) {
    case "new-invoice":
      return "?new=invoice";
    case "record-payment":
      return panel.invoiceId ? `?new=payment&invoiceId=${encodeURIComponent(panel.invoiceId)}` : "?new=payment";
    case "edit-invoice":
      return `?edit=${encodeURIComponent(panel.receivableId)}`;
    case "apply-payment":
      return `?apply=${encodeURIComponent(panel.receivableId)}`;
    default:
      return `?confirm=${panel.kind}&receivableId=${encodeURIComponent(panel.receivableId)}`;
  }
}

export function panelFromSearch(search: URLSearchParams): ReceivablePanel | null {
  const edit = search.get("edit");
  if (edit) return { kind: "edit-invoice", receivableId: edit };
  const apply = search.get("apply");
  if (apply) return { kind: "apply-payment", receivableId: apply };
  const confirm = search.get("confirm");
  const receivableId = search.get("receivableId");
  if (isConfirmAction(confirm) && receivableId) return { kind: confirm, receivableId };
  const made = search.get("new");
  if (made === "invoice") return { kind: "new-invoice" };
  if (made === "payment") return { kind: "record-payment", invoiceId: search.get("invoiceId") || null };
  return null;
}

/** The panel whose submission failed, so that it shows again with the errors; null for a row's one-click send. */
export function panelOfFailure(failure: ReceivableActionFailure | null | undefined): ReceivablePanel | null {
  if (!failure) return null;
  if (failure.intent === "create-invoice") return { kind: "new-invoice" };
  if (failure.intent === "record-payment") return { kind: "record-payment", invoiceId: failure.invoiceId ?? null };
  if (!failure.receivableId) return null;
  if (failure.intent === "update-invoice") return { kind: "edit-invoice", receivableId: failure.receivableId };
  if (failure.intent === "apply-payment") return { kind: "apply-payment", receivableId: failure.receivableId };
  if (isConfirmAction(failure.intent)) return { kind: failure.intent, receivableId: failure.receivableId };
  return null;
}

export function samePanel(a: ReceivablePanel | null, b: ReceivablePanel | null): boolean {
  if (!a || !b) return false;
  return panelHref(a) === panelHref(b);
}
