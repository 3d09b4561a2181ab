import type { ReceivableRow } from "./receivables.server";

/** A receivable as the JSON API returns it (CONTRACT.md): snake_case, money as two-decimal strings, dates as YYYY-MM-DD. */
export interface ApiReceivable {
  id: string;
  customer_id: string;
  type: string;
  amount: string;
  date: string;
  due_date: string | null;
  status: string;
  /** Invoices only, like paid and balance; null for a payment. */
  display_status: string | null;
  paid: string | null;
  balance: string | null;
  reference: string | null;
  description: string | null;
  linked_invoice_id: string | null;
  linked_agreement_id: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export function toApiReceivable(row: ReceivableRow): ApiReceivable {
  return {
    id: row.id,
    customer_id: row.customerId,
    type: row.type,
    amount: row.amount,
    date: row.date,
    due_date: row.dueDate,
    status: row.status,
    display_status: row.displayStatus,
    paid: row.paid,
    balance: row.balance,
    reference: row.reference,
    description: row.description,
    linked_invoice_id: row.linkedInvoiceId,
    linked_agreement_id: row.linkedAgreementId,
    created_at: row.createdAt?.toISOString() ?? null,
    updated_at: row.updatedAt?.toISOString() ?? null,
  };
}
