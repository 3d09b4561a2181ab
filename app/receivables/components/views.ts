import type { ReceivableRow } from "../receivables.server";

/** What the tab shows of an invoice or a payment (the loader selects these); money as two-decimal strings. */
export type ReceivableView = Omit<ReceivableRow, "customerId" | "signedAmount" | "createdAt" | "updatedAt">;

export interface AgreementOption {
  id: string;
  scope: string;
}

/** Whether a two-decimal string from the server is more than zero, read as text (never as a float). */
export function isPositiveMoney(amount: string | null): boolean {
  return amount !== null && !amount.startsWith("-") && /[1-9]/.test(amount);
}

/** An invoice a payment can go to: sent, not void (open, partly paid, overdue, or paid and taking more). */
export function takesPayments(invoice: ReceivableView): boolean {
  return invoice.type === "invoice" && invoice.status === "sent";
}

export function invoiceName(invoice: Pick<ReceivableView, "reference">): string {
  return invoice.reference ? `invoice ${invoice.reference}` : "the invoice without a number";
}
