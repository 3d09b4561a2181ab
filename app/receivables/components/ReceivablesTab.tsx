import { useParams } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { Dialog } from "~/components/Dialog";
import { primaryButtonClass, secondaryButtonClass } from "~/components/Field";
import { RefusalAlert } from "~/components/RefusalAlert";
import { rowActionClass } from "~/components/RowDetails";
import { TabSection } from "~/components/TabSection";
import { useTabPanels } from "~/components/tab-panels";
import { isConfirmAction, type ReceivableActionFailure } from "../actions";
import { InvoiceCard } from "./InvoiceCard";
import { InvoiceForm, type InvoiceDefaultsView } from "./InvoiceForm";
import { PanelLink } from "./PanelLink";
import { ApplyPaymentForm, PaymentForm } from "./PaymentForm";
import { PaymentItem } from "./PaymentItem";
import { CONFIRM_TITLES, ReceivableConfirm } from "./ReceivableConfirm";
import { ReceivablesSummary, type SummaryView } from "./ReceivablesSummary";
import { panelFromSearch, panelOfFailure, samePanel, type ReceivablePanel } from "./panels";
import { takesPayments, type AgreementOption, type ReceivableView } from "./views";

function panelTitle(panel: ReceivablePanel): string {
  switch (panel.kind) {
    case "new-invoice":
      return "New invoice";
    case "edit-invoice":
      return "Edit invoice";
    case "record-payment":
      return "Record payment";
    case "apply-payment":
      return "Apply payment";
    default:
      return CONFIRM_TITLES[panel.kind];
  }
}

/**
 * The Receivables tab: the summary, the invoices, the payments, and the one
 * form open at a time. As on the agreements tab, without JavaScript the form
 * is a section at the top of the page, opened by a link (?new=…, ?edit=…,
 * ?confirm=…) and kept open by a failed post; with JavaScript the same links
 * open a dialog, which stays open on a 400 or 409 and closes on success.
 */
export function ReceivablesTab({
  invoices,
  payments,
  summary,
  agreements,
  defaults,
  currency,
  failure,
}: {
  invoices: ReceivableView[];
  payments: ReceivableView[];
  summary: SummaryView;
  agreements: AgreementOption[];
  defaults: InvoiceDefaultsView;
  currency: string;
  failure: ReceivableActionFailure | null;
}) {
  const base = `/customers/${useParams().id ?? ""}/receivables`;
  const { activeFailure, failedPanel, dialogPanel, pagePanel, onOpen, close } = useTabPanels({
    failure,
    fromSearch: panelFromSearch,
    ofFailure: panelOfFailure,
    same: samePanel,
  });
  // A refusal that belongs to no form (a row's Send) shows above the lists.
  const looseRefusal = activeFailure && !failedPanel ? activeFailure.message : null;

  const byId = new Map([...invoices, ...payments].map((row) => [row.id, row]));
  const agreementScope = new Map(agreements.map((agreement) => [agreement.id, agreement.scope]));
  const payable = invoices.filter(takesPayments);

  function content(panel: ReceivablePanel, onCancel?: () => void) {
    const failed = samePanel(panel, failedPanel) ? activeFailure : null;
    const lastResult = failed?.result;
    if (isConfirmAction(panel.kind) && "receivableId" in panel) {
      const row = byId.get(panel.receivableId);
      return row ? <ReceivableConfirm action={panel.kind} row={row} currency={currency} refusal={failed?.message} onCancel={onCancel} /> : null;
    }
    const refusal = failed?.message ? <RefusalAlert message={failed.message} className="mb-4" /> : null;
    if (panel.kind === "new-invoice" || panel.kind === "edit-invoice") {
      const invoice = panel.kind === "edit-invoice" ? byId.get(panel.receivableId) : undefined;
      if (panel.kind === "edit-invoice" && invoice?.type !== "invoice") return null;
      return (
        <>
          {refusal}
          <InvoiceForm invoice={invoice} defaults={defaults} agreements={agreements} currency={currency} lastResult={lastResult} onCancel={onCancel} />
        </>
      );
    }
    if (panel.kind === "record-payment") {
      return (
        <>
          {refusal}
          <PaymentForm invoiceId={panel.invoiceId} invoices={payable} today={defaults.date} currency={currency} lastResult={lastResult} onCancel={onCancel} />
        </>
      );
    }
    if (panel.kind === "apply-payment") {
      const payment = byId.get(panel.receivableId);
      if (payment?.type !== "payment") return null;
      return (
        <>
          {refusal}
          <ApplyPaymentForm payment={payment} invoices={payable} currency={currency} lastResult={lastResult} onCancel={onCancel} />
        </>
      );
    }
    return null;
  }

  const pageContent = pagePanel ? content(pagePanel) : null;
  const open = pagePanel ?? dialogPanel;
  const newInvoice =
    open?.kind === "new-invoice" ? null : (
      <PanelLink panel={{ kind: "new-invoice" }} onOpen={onOpen} className={primaryButtonClass}>
        <Icon name="plus" className="h-4 w-4" />
        New invoice
      </PanelLink>
    );
  const recordPayment = (
    <PanelLink panel={{ kind: "record-payment", invoiceId: null }} onOpen={onOpen} className={secondaryButtonClass}>
      <Icon name="banknote" className="h-4 w-4" />
      Record payment
    </PanelLink>
  );
  const primaryActions = (
    <div className="flex flex-wrap justify-center gap-2">
      {newInvoice}
      {recordPayment}
    </div>
  );
  const empty = invoices.length === 0 && payments.length === 0;
  const danger = pagePanel && isConfirmAction(pagePanel.kind);

  return (
    <div className="space-y-6">
      {pagePanel && pageContent ? (
        <section aria-labelledby="receivable-panel-heading" className={`rounded-lg border bg-white p-5 shadow-sm ${danger ? "border-red-200" : "border-slate-200"}`}>
          <h2 id="receivable-panel-heading" className="mb-4 text-lg font-semibold">
            {panelTitle(pagePanel)}
          </h2>
          {pageContent}
        </section>
      ) : null}
      {looseRefusal ? <RefusalAlert message={looseRefusal} /> : null}

      {empty ? null : (
        <>
          <ReceivablesSummary summary={summary} currency={currency} />
          <nav aria-label="Receivables documents" className="flex flex-wrap gap-2">
            <a href={`${base}/statement`} className={rowActionClass}>
              <Icon name="file-text" className="h-4 w-4" />
              Statement
            </a>
            <a href={`${base}.csv`} className={rowActionClass} download>
              <Icon name="download" className="h-4 w-4" />
              Download CSV
            </a>
          </nav>
        </>
      )}

      <TabSection
        id="invoices"
        title="Invoices"
        isEmpty={empty}
        actions={primaryActions}
        empty={{
          icon: "receipt",
          title: "No invoices or payments yet",
          description: "Create an invoice to bill this customer, or record a payment you received. Balances, credit and aging show here as soon as there is one.",
          action: primaryActions,
        }}
      >
        {invoices.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">No invoices yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invoices.map((invoice) => (
              <li key={invoice.id} id={`invoice-${invoice.id}`} className="scroll-mt-4 px-5 py-4">
                <InvoiceCard
                  invoice={invoice}
                  agreement={invoice.linkedAgreementId ? (agreementScope.get(invoice.linkedAgreementId) ?? null) : null}
                  currency={currency}
                  onOpen={onOpen}
                />
              </li>
            ))}
          </ul>
        )}
      </TabSection>

      {empty ? null : (
        <TabSection id="payments" title="Payments">
          {payments.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600">No payments yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {payments.map((payment) => (
                <li key={payment.id} id={`payment-${payment.id}`} className="px-5 py-4">
                  <PaymentItem payment={payment} invoices={byId} canApply={payable.length > 0} currency={currency} onOpen={onOpen} />
                </li>
              ))}
            </ul>
          )}
        </TabSection>
      )}

      {dialogPanel ? (
        <Dialog title={panelTitle(dialogPanel)} open onClose={close} wide={!isConfirmAction(dialogPanel.kind)}>
          {content(dialogPanel, close)}
        </Dialog>
      ) : null}
    </div>
  );
}
