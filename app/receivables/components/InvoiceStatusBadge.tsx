import { Icon, type IconName } from "~/components/icons/Icon";
import { INVOICE_DISPLAY_STATUS_LABELS, type InvoiceDisplayStatus } from "../constants";
import { isPositiveMoney } from "./views";

/**
 * The display status (computed in SQL) as a pill: a hue, an icon and the
 * words, so colour is never the only signal; -100 backgrounds with -800 text
 * (WCAG AA), as the other badges. An overdue invoice with money paid on it
 * says so ("partly paid"), as DOMAIN.md asks.
 */
const STYLES: Record<InvoiceDisplayStatus, { className: string; icon: IconName }> = {
  draft: { className: "bg-slate-100 text-slate-800 ring-slate-600/20", icon: "circle-dashed" },
  open: { className: "bg-sky-100 text-sky-800 ring-sky-700/20", icon: "clock" },
  partial: { className: "bg-amber-100 text-amber-800 ring-amber-700/20", icon: "pie-chart" },
  overdue: { className: "bg-rose-100 text-rose-800 ring-rose-700/20", icon: "alert-circle" },
  paid: { className: "bg-emerald-100 text-emerald-800 ring-emerald-700/20", icon: "check-circle-2" },
  void: { className: "bg-zinc-100 text-zinc-800 ring-zinc-600/20", icon: "ban" },
};

export function InvoiceStatusBadge({ status, paid }: { status: InvoiceDisplayStatus; paid: string | null }) {
  const { className, icon } = STYLES[status];
  return (
    <span className={`pill gap-1 ${className}`}>
      <Icon name={icon} className="h-3.5 w-3.5" />
      {INVOICE_DISPLAY_STATUS_LABELS[status]}
      {status === "overdue" && isPositiveMoney(paid) ? <span>· partly paid</span> : null}
    </span>
  );
}
