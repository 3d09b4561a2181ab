import { agreementChoicesSql, type AgreementChoice } from "~/agreements/agreements.server";
import type { CustomerRef } from "~/customers/ownership.server";
import { loadCustomerPage } from "~/customers/page.server";
import { jsonRowSql, jsonRowsSql, type Jsonified } from "~/db/json.server";
import { FIRST_INVOICE_NUMBER, invoiceDefaultsSql, type InvoiceDefaults } from "./invoice-defaults.server";
import { customerBalanceSets, receivablesListSql, summarySql, type ReceivableRow, type ReceivablesSummary } from "./receivables.server";

/** Everything the receivables tab shows, read in one statement. */
export interface ReceivablesTab {
  /** Newest first; timestamps as ISO strings. */
  receivables: Array<Jsonified<ReceivableRow>>;
  /** Of all of the customer's receivables. */
  summary: ReceivablesSummary;
  /** What the invoice form offers to link to. */
  agreements: AgreementChoice[];
  /** What the new-invoice form suggests. */
  defaults: InvoiceDefaults;
}

type TabRow = Omit<ReceivablesTab, "defaults"> & { defaults: { reference: string | null; date: string; dueDate: string } | null };

/**
 * The receivables tab of the user's live customer: its invoices and payments,
 * their summary, the agreements for the invoice form and the suggested
 * invoice number, each the same SQL the separate readers use, in one
 * statement (loadCustomerPage). Null when not the user's live customer.
 */
export async function loadReceivablesTab(ref: CustomerRef): Promise<ReceivablesTab | null> {
  const row = await loadCustomerPage<TabRow>(ref, {
    receivables: jsonRowsSql(receivablesListSql(ref)),
    summary: jsonRowSql(summarySql(customerBalanceSets(ref))),
    agreements: jsonRowsSql(agreementChoicesSql(ref)),
    defaults: jsonRowSql(invoiceDefaultsSql(ref.userId)),
  });
  if (!row) return null;
  const { reference, date, dueDate } = row.defaults ?? { reference: null, date: "", dueDate: "" };
  return {
    receivables: row.receivables,
    summary: row.summary,
    agreements: row.agreements,
    defaults: { reference: reference ?? FIRST_INVOICE_NUMBER, date, dueDate },
  };
}
