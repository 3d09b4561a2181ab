import { StatusPill, type PillStyle } from "~/components/StatusPill";
import { INVOICE_DISPLAY_STATUS_LABELS, type InvoiceDisplayStatus } from "../constants";
import { isPositiveMoney } from "./views";

/**
 * The display status (computed in SQL) as a pill (StatusPill). An overdue
 * invoice with money paid on it says so ("partly paid"), as DOMAIN.md asks.
 */
const STYLES: Record<InvoiceDisplayStatus, PillStyle> = {
  draft: { hue: "slate", icon: "circle-dashed" },
  open: { hue: "sky", icon: "clock" },
  partial: { hue: "amber", icon: "pie-chart" },
  overdue: { hue: "rose", icon: "alert-circle" },
  paid: { hue: "emerald", icon: "check-circle-2" },
  void: { hue: "zinc", icon: "ban" },
};

export function InvoiceStatusBadge({ status, paid }: { status: InvoiceDisplayStatus; paid: string | null }) {
  return (
    <StatusPill style={STYLES[status]} label={INVOICE_DISPLAY_STATUS_LABELS[status]}>
      {status === "overdue" && isPositiveMoney(paid) ? <span>· partly paid</span> : null}
    </StatusPill>
  );
}
