import { Icon, type IconName } from "~/components/icons/Icon";
import { PanelLink as TabPanelLink, type PanelLinkProps } from "~/components/PanelLink";
import { Detail, rowActionClass, rowDangerActionClass } from "~/components/RowDetails";
import { formatDate, formatMoney } from "~/utils/format";
import { allowedActions, LIFECYCLE_LABELS, type LifecycleAction } from "../actions";
import { AGREEMENT_TYPE_LABELS, type AgreementStatus, type AgreementType } from "../constants";
import { describePricing } from "../pricing";
import { AgreementStatusBadge } from "./AgreementStatusBadge";
import { panelHref, type AgreementPanel } from "./panels";

/** What the tab shows of an agreement (the loader selects these). */
export interface AgreementView {
  id: string;
  scope: string;
  type: AgreementType;
  startDate: string | null;
  endDate: string | null;
  noticeDays: number;
  pricing: unknown;
  status: AgreementStatus;
  daysLeft: number | null;
  billed: string;
  paid: string;
  outstanding: string;
  terminatedOn: string | null;
  terminationReason: string | null;
  renewalOf: string | null;
}

const ACTION_ICONS: Record<LifecycleAction, IconName> = {
  renew: "refresh-cw",
  suspend: "pause-circle",
  resume: "play-circle",
  terminate: "ban",
  delete: "trash-2",
};


/** "1 Jan 2026 – 31 Dec 2026", "From 1 Jan 2026, open-ended", "Until 31 Dec 2026", "No dates set". */
export function formatTerm(startDate: string | null, endDate: string | null): string {
  if (startDate && endDate) return `${formatDate(startDate)} – ${formatDate(endDate)}`;
  if (startDate) return `From ${formatDate(startDate)}, open-ended`;
  if (endDate) return `Until ${formatDate(endDate)}`;
  return "No dates set";
}

/** A link to one of the agreements tab's panels (see ~/components/PanelLink). */
export function PanelLink(props: PanelLinkProps<AgreementPanel>) {
  return <TabPanelLink {...props} href={panelHref} />;
}

/** The short name an agreement goes by in links and confirmations. */
export function agreementName(agreement: Pick<AgreementView, "scope">): string {
  return agreement.scope.length > 60 ? `${agreement.scope.slice(0, 57)}…` : agreement.scope;
}

export function AgreementCard({
  agreement,
  currency,
  predecessor,
  successor,
  onOpen,
}: {
  agreement: AgreementView;
  currency: string;
  /** The agreement this one renews, when it is still on record. */
  predecessor: AgreementView | null;
  /** The agreement that renews this one, if any. */
  successor: AgreementView | null;
  onOpen?: (panel: AgreementPanel) => void;
}) {
  const name = agreementName(agreement);
  const actions = allowedActions(agreement, { renewed: successor !== null });
  const headingId = `agreement-${agreement.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 space-y-1">
          <h3 id={headingId} className="font-semibold text-slate-900 wrap-anywhere">
            {agreement.scope}
          </h3>
          <p className="text-sm text-slate-700 wrap-anywhere">
            {/* "Other: <note>" names its type already. */}
            {agreement.type === "other" ? null : <span className="font-medium">{AGREEMENT_TYPE_LABELS[agreement.type]} · </span>}
            {describePricing(agreement.type, agreement.pricing, currency)}
          </p>
        </div>
        <AgreementStatusBadge status={agreement.status} daysLeft={agreement.daysLeft} />
      </div>

      <dl className="row-details grid grid-cols-3 gap-x-4 gap-y-2 sm:grid-cols-5 sm:gap-x-6">
        <div className="col-span-3 sm:col-span-2">
          <dt>Term</dt>
          <dd>
            {formatTerm(agreement.startDate, agreement.endDate)}
            <span className="text-slate-600"> · {agreement.noticeDays === 1 ? "1 day" : `${agreement.noticeDays} days`} notice</span>
          </dd>
        </div>
        <Detail label="Billed">{formatMoney(agreement.billed, currency)}</Detail>
        <Detail label="Paid">{formatMoney(agreement.paid, currency)}</Detail>
        <Detail label="Outstanding">
          <span className={agreement.outstanding !== "0.00" ? "font-semibold" : undefined}>{formatMoney(agreement.outstanding, currency)}</span>
        </Detail>
      </dl>

      {agreement.status === "terminated" && agreement.terminatedOn ? (
        <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 wrap-anywhere">
          Terminated on {formatDate(agreement.terminatedOn)}
          {agreement.terminationReason ? (
            <>
              : <span className="whitespace-pre-line">{agreement.terminationReason}</span>
            </>
          ) : (
            "."
          )}
        </p>
      ) : null}

      {predecessor || successor ? (
        <ul className="space-y-1 text-sm text-slate-700">
          {predecessor ? (
            <li className="flex items-start gap-1.5">
              <Icon name="corner-down-right" className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" />
              <span className="min-w-0 wrap-anywhere">
                Renews{" "}
                <a href={`#agreement-${predecessor.id}`} className="text-indigo-700 underline">
                  {agreementName(predecessor)} ({formatTerm(predecessor.startDate, predecessor.endDate)})
                </a>
              </span>
            </li>
          ) : null}
          {successor ? (
            <li className="flex items-start gap-1.5">
              <Icon name="corner-down-right" className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" />
              <span className="min-w-0 wrap-anywhere">
                Renewed by{" "}
                <a href={`#agreement-${successor.id}`} className="text-indigo-700 underline">
                  {agreementName(successor)} ({formatTerm(successor.startDate, successor.endDate)})
                </a>
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <PanelLink panel={{ kind: "edit", agreementId: agreement.id }} onOpen={onOpen} className={rowActionClass} label={`Edit ${name}`}>
          <Icon name="pencil" className="h-4 w-4" />
          Edit
        </PanelLink>
        {actions.map((action) => {
          const icon = ACTION_ICONS[action];
          return (
            <PanelLink
              key={action}
              panel={{ kind: action, agreementId: agreement.id }}
              onOpen={onOpen}
              className={action === "delete" || action === "terminate" ? rowDangerActionClass : rowActionClass}
              label={`${LIFECYCLE_LABELS[action]} ${name}`}
            >
              <Icon name={icon} className="h-4 w-4" />
              {LIFECYCLE_LABELS[action]}
            </PanelLink>
          );
        })}
      </div>
    </article>
  );
}
