import { Icon } from "~/components/icons/Icon";
import { Detail, rowActionClass, rowDangerActionClass } from "~/components/RowDetails";
import { formatDate, formatMoney } from "~/utils/format";
import { PanelLink } from "./PanelLink";
import type { ReceivablePanel } from "./panels";
import type { ReceivableView } from "./views";

/** Where a payment went: the invoice's number, or credit when it is applied to none. */
export function appliedTo(payment: ReceivableView, invoices: ReadonlyMap<string, ReceivableView>): string {
  if (!payment.linkedInvoiceId) return "Credit";
  const invoice = invoices.get(payment.linkedInvoiceId);
  return invoice ? `Invoice ${invoice.reference ?? "(no number)"}` : "An invoice";
}

export function PaymentItem({
  payment,
  invoices,
  canApply,
  currency,
  onOpen,
}: {
  payment: ReceivableView;
  invoices: ReadonlyMap<string, ReceivableView>;
  /** Whether an invoice is there to apply credit to. */
  canApply: boolean;
  currency: string;
  onOpen?: (panel: ReceivablePanel) => void;
}) {
  const isVoid = payment.status === "void";
  const name = `payment of ${formatMoney(payment.amount, currency)} on ${formatDate(payment.date)}`;
  return (
    <article aria-label={`Payment of ${formatMoney(payment.amount, currency)}`} className="space-y-3">
      <dl className="row-details grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-5 sm:gap-x-6">
        <Detail label="Date">{formatDate(payment.date)}</Detail>
        <Detail label="Amount">
          <span className={isVoid ? "line-through" : "font-semibold"}>{formatMoney(payment.amount, currency)}</span>
        </Detail>
        <Detail label="Reference">{payment.reference ?? "—"}</Detail>
        <Detail label="Applied to">{appliedTo(payment, invoices)}</Detail>
        <Detail label="Status">{isVoid ? "Void" : "Received"}</Detail>
      </dl>
      {payment.description ? <p className="text-sm text-slate-700 wrap-anywhere">{payment.description}</p> : null}
      {isVoid ? null : (
        <div className="flex flex-wrap gap-2">
          {!payment.linkedInvoiceId && canApply ? (
            <PanelLink panel={{ kind: "apply-payment", receivableId: payment.id }} onOpen={onOpen} className={rowActionClass} label={`Apply ${name} to an invoice`}>
              <Icon name="link-2" className="h-4 w-4" />
              Apply to invoice
            </PanelLink>
          ) : null}
          <PanelLink panel={{ kind: "void-payment", receivableId: payment.id }} onOpen={onOpen} className={rowDangerActionClass} label={`Void ${name}`}>
            <Icon name="ban" className="h-4 w-4" />
            Void
          </PanelLink>
        </div>
      )}
    </article>
  );
}
