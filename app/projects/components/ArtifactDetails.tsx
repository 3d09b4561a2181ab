import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { ConfirmForm } from "~/components/ConfirmForm";
import { Dialog } from "~/components/Dialog";
import { secondaryButtonClass } from "~/components/Field";
import { PanelLink } from "~/components/PanelLink";
import { RefusalAlert } from "~/components/RefusalAlert";
import { useTabPanels } from "~/components/tab-panels";
import { formatRelativeTime } from "~/utils/format";
import type { ProjectActionFailure } from "../actions";
import { ARTIFACT_TYPE_LABELS } from "../constants";
import { ArtifactForm } from "./ArtifactForm";
import { MarkdownContent } from "./MarkdownContent";
import { artifactPanelFromSearch, artifactPanelHref, artifactPanelOfFailure, sameKind, type ArtifactPagePanel } from "./panels";
import { BackLink } from "./ProjectDetails";
import { ArtifactStatusBadge } from "./StatusBadges";
import { shortName, type ArtifactView } from "./views";
import { WorkflowButtons } from "./WorkflowButtons";

const dangerLinkClass = secondaryButtonClass.replace("text-slate-800", "text-red-700").replace("hover:bg-slate-50", "hover:bg-red-50");

/**
 * An artifact's page: title, type, status and its workflow buttons, the
 * rendered Markdown, and its edit form. The edit is a section of the page
 * with or without JavaScript (the content needs the room); the delete
 * confirmation is a dialog with JavaScript and a section without.
 */
export function ArtifactDetails({
  artifact,
  project,
  customerId,
  failure,
  now,
  timeZone,
}: {
  artifact: ArtifactView;
  project: { id: string; name: string };
  customerId: string;
  failure: ProjectActionFailure | null;
  now: Date;
  timeZone: string;
}) {
  const { activeFailure, failedPanel, dialogPanel, pagePanel, onOpen, close } = useTabPanels({
    failure,
    fromSearch: artifactPanelFromSearch,
    ofFailure: artifactPanelOfFailure,
    same: sameKind<ArtifactPagePanel>,
  });
  const name = shortName(artifact.title);
  const editing = pagePanel?.kind === "edit";
  // A refused move (409) has no panel: it shows by the buttons.
  const refusedMove = failure?.intent === "artifact-status" ? failure.message : null;

  function confirmDelete(onCancel?: () => void) {
    const refusal = sameKind({ kind: "delete" }, failedPanel) ? activeFailure?.message : null;
    return (
      <ConfirmForm
        question={`Delete the artifact “${name}”? This cannot be undone.`}
        questionId={`confirm-delete-${artifact.id}-description`}
        intent="delete-artifact"
        fields={{ artifactId: artifact.id }}
        confirmLabel="Delete artifact"
        pendingLabel="Deleting…"
        danger
        onCancel={onCancel}
      >
        {refusal ? <RefusalAlert message={refusal} /> : null}
      </ConfirmForm>
    );
  }

  return (
    <div className="space-y-6">
      <BackLink to={`/customers/${customerId}/projects/${project.id}`}>{shortName(project.name)}</BackLink>

      {pagePanel?.kind === "delete" ? (
        <section aria-labelledby="artifact-panel-heading" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
          <h2 id="artifact-panel-heading" className="mb-4 text-lg font-semibold">
            Delete artifact
          </h2>
          {confirmDelete()}
        </section>
      ) : null}

      <article aria-labelledby="artifact-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <header className="space-y-3">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1">
              <h2 id="artifact-heading" className="text-xl font-semibold wrap-anywhere">
                {artifact.title}
              </h2>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
                <ArtifactStatusBadge status={artifact.status} />
                <span>{ARTIFACT_TYPE_LABELS[artifact.type]}</span>
                <span>Updated {formatRelativeTime(artifact.updatedAt, now, timeZone)}</span>
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              {editing ? null : (
                <Link to="?edit" preventScrollReset className={secondaryButtonClass} aria-label={`Edit ${name}`}>
                  <Icon name="pencil" className="h-4 w-4" />
                  Edit
                </Link>
              )}
              <PanelLink panel={{ kind: "delete" } as ArtifactPagePanel} href={artifactPanelHref} onOpen={onOpen} className={dangerLinkClass} label={`Delete ${name}`}>
                <Icon name="trash-2" className="h-4 w-4" />
                Delete
              </PanelLink>
            </div>
          </div>
          {refusedMove ? <RefusalAlert message={refusedMove} /> : null}
          <WorkflowButtons status={artifact.status} title={artifact.title} />
        </header>

        {editing ? (
          <section aria-labelledby="artifact-edit-heading" className="space-y-4 border-t border-slate-200 pt-4">
            <h3 id="artifact-edit-heading" className="text-lg font-semibold">
              Edit artifact
            </h3>
            <ArtifactForm artifact={artifact} lastResult={sameKind({ kind: "edit" }, failedPanel) ? activeFailure?.result : null} />
          </section>
        ) : (
          <div className="border-t border-slate-200 pt-4">
            <MarkdownContent source={artifact.content} />
          </div>
        )}
      </article>

      {dialogPanel?.kind === "delete" ? (
        <Dialog title="Delete artifact" open onClose={close}>
          {confirmDelete(close)}
        </Dialog>
      ) : null}
    </div>
  );
}
