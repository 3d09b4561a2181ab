import { Form } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { Detail, rowActionClass, rowDangerActionClass } from "~/components/RowDetails";
import { StatusButton } from "~/components/StatusButton";
import { formatDate, formatMoney } from "~/utils/format";
import { useIsPending, useSubmissionGuard, usePendingFormData } from "~/utils/pending";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { PanelLink } from "./PanelLink";
import type { ReceivablePanel } from "./panels";
import { invoiceName, takesPayments, type ReceivableView } from "./views";

/** Sending is not destructive and can be undone by voiding: one click, no confirmation. */
function SendButton({ invoice }: { invoice: ReceivableView }) {
  const pending = usePendingFormData({ intent: "send-invoice" })?.get("receivableId") === invoice.id;
  const anySend = useIsPending({ intent: "send-invoice" });
  const onSubmit = useSubmissionGuard();
  return (
    <Form method="post" preventScrollReset onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="send-invoice" />
      <input type="hidden" name="receivableId" value={invoice.id} />
      <StatusButton
        className={rowActionClass}
        pending={pending}
        disabled={anySend}
        pendingLabel="Sending…"
        icon={<Icon name="send" className="h-4 w-4" />}
        aria-label={`Send ${invoiceName(invoice)}`}
      >
        Send
      </StatusButton>
    </Form>
  );
}

/** One invoice: its number, status, dates and money, and what can be done to it from its stored status. */
export function InvoiceCard({
  invoice,
  agreement,
  currency,
  onOpen,
}: {
  invoice: ReceivableView;
  /** The scope of the agreement it bills, when linked. */
  agreement: string | null;
  currency: string;
  onOpen?: (panel: ReceivablePanel) => void;
}) {
  const money = (value: string | null) => (value === null ? "—" : formatMoney(value, currency));
  const name = invoiceName(invoice);
  const headingId = `invoice-${invoice.id}-heading`;
  const editable = invoice.status !== "void";
  return (
    <article aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold text-slate-900 wrap-anywhere">
            Invoice {invoice.reference ?? "(no number)"}
          </h3>
          {invoice.description ? <p className="text-sm text-slate-700 wrap-anywhere">{invoice.description}</p> : null}
          {agreement ? <p className="text-sm text-slate-600 wrap-anywhere">Agreement: {agreement}</p> : null}
        </div>
        {invoice.displayStatus ? <InvoiceStatusBadge status={invoice.displayStatus} paid={invoice.paid} /> : null}
      </div>
      <dl className="row-details grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-5 sm:gap-x-6">
        <Detail label="Date">{formatDate(invoice.date)}</Detail>
        <Detail label="Due">{formatDate(invoice.dueDate)}</Detail>
        <Detail label="Amount">{money(invoice.amount)}</Detail>
        <Detail label="Paid">{money(invoice.paid)}</Detail>
        <Detail label="Balance">
          {/* Only a sent invoice's balance is owed; a draft's or a void one's is shown plain. */}
          <span className={invoice.status === "sent" ? "font-semibold" : "text-slate-600"}>{money(invoice.balance)}</span>
        </Detail>
      </dl>
      {editable ? (
        <div className="flex flex-wrap gap-2">
          {invoice.status === "draft" ? <SendButton invoice={invoice} /> : null}
          {takesPayments(invoice) ? (
            <PanelLink panel={{ kind: "record-payment", invoiceId: invoice.id }} onOpen={onOpen} className={rowActionClass} label={`Record a payment on ${name}`}>
              <Icon name="banknote" className="h-4 w-4" />
              Record payment
            </PanelLink>
          ) : null}
          <PanelLink panel={{ kind: "edit-invoice", receivableId: invoice.id }} onOpen={onOpen} className={rowActionClass} label={`Edit ${name}`}>
            <Icon name="pencil" className="h-4 w-4" />
            Edit
          </PanelLink>
          {invoice.status === "draft" ? (
            <PanelLink panel={{ kind: "delete-invoice", receivableId: invoice.id }} onOpen={onOpen} className={rowDangerActionClass} label={`Delete ${name}`}>
              <Icon name="trash-2" className="h-4 w-4" />
              Delete
            </PanelLink>
          ) : (
            <PanelLink panel={{ kind: "void-invoice", receivableId: invoice.id }} onOpen={onOpen} className={rowDangerActionClass} label={`Void ${name}`}>
              <Icon name="ban" className="h-4 w-4" />
              Void
            </PanelLink>
          )}
        </div>
      ) : null}
    </article>
  );
}
