import { Icon } from "~/components/icons/Icon";
import { Dialog } from "~/components/Dialog";
import { primaryButtonClass } from "~/components/Field";
import { TabSection } from "~/components/TabSection";
import { useTabPanels } from "~/components/tab-panels";
import type { AgreementActionFailure } from "../actions";
import { AgreementCard, PanelLink, type AgreementView } from "./AgreementCard";
import { AgreementConfirm, CONFIRM_TITLES } from "./AgreementConfirm";
import { AgreementForm } from "./AgreementForm";
import { panelFromSearch, panelOfFailure, samePanel, type AgreementPanel } from "./panels";

function panelTitle(panel: AgreementPanel): string {
  if (panel.kind === "new") return "New agreement";
  if (panel.kind === "edit") return "Edit agreement";
  return CONFIRM_TITLES[panel.kind];
}

/**
 * The Agreements tab: the list, and the one form open at a time (new, edit,
 * or a lifecycle confirmation). Without JavaScript the form is a section at
 * the top of the page, opened by a link (?new, ?edit=…, ?confirm=…) and kept
 * open by a failed post; with JavaScript the same links open a dialog, which
 * stays open on a 400 or 409 and closes when the action redirects.
 */
export function AgreementsTab({
  agreements,
  currency,
  today,
  failure,
}: {
  agreements: AgreementView[];
  currency: string;
  today: string;
  failure: AgreementActionFailure | null;
}) {
  const { activeFailure, failedPanel, dialogPanel, pagePanel, onOpen, close } = useTabPanels({
    failure,
    fromSearch: panelFromSearch,
    ofFailure: panelOfFailure,
    same: samePanel,
  });

  const byId = new Map(agreements.map((agreement) => [agreement.id, agreement]));
  const successorOf = new Map(agreements.flatMap((agreement) => (agreement.renewalOf ? [[agreement.renewalOf, agreement] as const] : [])));

  function content(panel: AgreementPanel, onCancel?: () => void) {
    const failed = samePanel(panel, failedPanel) ? activeFailure : null;
    if (panel.kind === "new") return <AgreementForm currency={currency} lastResult={failed?.result} onCancel={onCancel} />;
    const agreement = byId.get(panel.agreementId);
    if (!agreement) return null;
    if (panel.kind === "edit") {
      return <AgreementForm agreement={agreement} currency={currency} lastResult={failed?.result} onCancel={onCancel} />;
    }
    return (
      <AgreementConfirm
        action={panel.kind}
        agreement={agreement}
        today={today}
        lastResult={failed?.result}
        refusal={failed?.message}
        onCancel={onCancel}
        onOpen={onOpen}
      />
    );
  }

  const pageContent = pagePanel ? content(pagePanel) : null;
  const creating = pagePanel?.kind === "new" || dialogPanel?.kind === "new";
  const newButton = creating ? null : (
    <PanelLink panel={{ kind: "new" }} onOpen={onOpen} className={primaryButtonClass}>
      <Icon name="plus" className="h-4 w-4" />
      New agreement
    </PanelLink>
  );

  return (
    <div className="space-y-6">
      {pagePanel && pageContent ? (
        <section
          aria-labelledby="agreement-panel-heading"
          className={`rounded-lg border bg-white p-5 shadow-sm ${
            pagePanel.kind === "delete" || pagePanel.kind === "terminate" ? "border-red-200" : "border-slate-200"
          }`}
        >
          <h2 id="agreement-panel-heading" className="mb-4 text-lg font-semibold">
            {panelTitle(pagePanel)}
          </h2>
          {pageContent}
        </section>
      ) : null}

      <TabSection
        id="agreements"
        title="Agreements"
        isEmpty={agreements.length === 0}
        actions={newButton}
        empty={{
          icon: "file-text",
          title: "No agreements yet",
          description: "Agreements set out the scope, dates and pricing of your work with this customer, and show when each one needs renewing.",
          action: newButton ?? undefined,
        }}
      >
        <ul className="divide-y divide-slate-100">
          {agreements.map((agreement) => (
            <li key={agreement.id} id={`agreement-${agreement.id}`} className="scroll-mt-4 px-5 py-4">
              <AgreementCard
                agreement={agreement}
                currency={currency}
                predecessor={agreement.renewalOf ? (byId.get(agreement.renewalOf) ?? null) : null}
                successor={successorOf.get(agreement.id) ?? null}
                onOpen={onOpen}
              />
            </li>
          ))}
        </ul>
      </TabSection>

      {dialogPanel ? (
        <Dialog title={panelTitle(dialogPanel)} open onClose={close} wide={dialogPanel.kind === "new" || dialogPanel.kind === "edit"}>
          {content(dialogPanel, close)}
        </Dialog>
      ) : null}
    </div>
  );
}
