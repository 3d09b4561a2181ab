import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { Dialog } from "~/components/Dialog";
import { primaryButtonClass, secondaryButtonClass } from "~/components/Field";
import { PanelLink } from "~/components/PanelLink";
import { INLINE_LINK_CLASS } from "~/components/link-styles";
import { useTabPanels } from "~/components/tab-panels";
import { formatRelativeTime } from "~/utils/format";
import type { ProjectActionFailure } from "../actions";
import { ARTIFACT_STATUS_LABELS, ARTIFACT_STATUSES, ARTIFACT_TYPE_LABELS, type ArtifactStatus } from "../constants";
import { ArtifactForm } from "./ArtifactForm";
import { projectPanelFromSearch, projectPanelHref, projectPanelOfFailure, sameKind, type ProjectPagePanel } from "./panels";
import { ProjectForm } from "./ProjectForm";
import { ProjectStatusBadge } from "./StatusBadges";
import { shortName, type AgreementOption, type ArtifactListView, type ProjectView } from "./views";

const PANEL_TITLES: Record<ProjectPagePanel["kind"], string> = { edit: "Edit project", "new-artifact": "New artifact" };

/** A link back to the board, from a project's or an artifact's page. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="inline-flex items-center gap-1 text-sm font-medium text-slate-700 hover:text-slate-900">
      <Icon name="arrow-left" className="h-4 w-4" />
      {children}
    </Link>
  );
}

function ArtifactGroup({ status, artifacts, base, now, timeZone }: { status: ArtifactStatus; artifacts: ArtifactListView[]; base: string; now: Date; timeZone: string }) {
  const headingId = `artifacts-${status}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-sm font-semibold text-slate-700">
        {ARTIFACT_STATUS_LABELS[status]} <span className="font-normal text-slate-600">({artifacts.length})</span>
      </h3>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {artifacts.map((artifact) => (
          <li key={artifact.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2">
            <Link to={`${base}/artifacts/${artifact.id}`} className={`min-w-0 font-medium wrap-anywhere ${INLINE_LINK_CLASS}`}>
              {artifact.title}
            </Link>
            <span className="text-sm text-slate-600">
              {ARTIFACT_TYPE_LABELS[artifact.type]} · updated {formatRelativeTime(artifact.updatedAt, now, timeZone)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A project's page: its details, its artifacts grouped by workflow status,
 * and the forms to edit it and add an artifact (a dialog with JavaScript, a
 * section of the page without, as on the board).
 */
export function ProjectDetails({
  project,
  artifacts,
  agreements,
  customerId,
  failure,
  now,
  timeZone,
}: {
  project: ProjectView;
  artifacts: ArtifactListView[];
  agreements: AgreementOption[];
  customerId: string;
  failure: ProjectActionFailure | null;
  now: Date;
  timeZone: string;
}) {
  const { activeFailure, failedPanel, dialogPanel, pagePanel, onOpen, close } = useTabPanels({
    failure,
    fromSearch: projectPanelFromSearch,
    ofFailure: projectPanelOfFailure,
    same: sameKind<ProjectPagePanel>,
  });
  const base = `/customers/${customerId}/projects/${project.id}`;

  function content(panel: ProjectPagePanel, onCancel?: () => void) {
    const lastResult = sameKind(panel, failedPanel) ? activeFailure?.result : null;
    if (panel.kind === "edit") return <ProjectForm project={project} agreements={agreements} lastResult={lastResult} onCancel={onCancel} />;
    return <ArtifactForm lastResult={lastResult} onCancel={onCancel} />;
  }

  const groups = ARTIFACT_STATUSES.map((status) => ({ status, artifacts: artifacts.filter((artifact) => artifact.status === status) })).filter(
    (group) => group.artifacts.length > 0,
  );
  const adding = pagePanel?.kind === "new-artifact" || dialogPanel?.kind === "new-artifact";

  return (
    <div className="space-y-6">
      <BackLink to={`/customers/${customerId}/projects`}>All projects</BackLink>

      {pagePanel ? (
        <section aria-labelledby="project-panel-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="project-panel-heading" className="mb-4 text-lg font-semibold">
            {PANEL_TITLES[pagePanel.kind]}
          </h2>
          {content(pagePanel)}
        </section>
      ) : null}

      <section aria-labelledby="project-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <h2 id="project-heading" className="text-xl font-semibold wrap-anywhere">
              {project.name}
            </h2>
            <ProjectStatusBadge status={project.status} />
          </div>
          <PanelLink panel={{ kind: "edit" } as ProjectPagePanel} href={projectPanelHref} onOpen={onOpen} className={secondaryButtonClass} label={`Edit ${shortName(project.name)}`}>
            <Icon name="pencil" className="h-4 w-4" />
            Edit
          </PanelLink>
        </div>
        {project.description ? <p className="whitespace-pre-line text-sm text-slate-700 wrap-anywhere">{project.description}</p> : null}
        <p className="text-sm text-slate-700 wrap-anywhere">
          {project.agreementId ? (
            <>
              Agreement:{" "}
              <Link to={`/customers/${customerId}/agreements#agreement-${project.agreementId}`} className={INLINE_LINK_CLASS}>
                {shortName(project.agreementScope ?? "linked agreement")}
              </Link>
            </>
          ) : (
            "Not linked to an agreement."
          )}
        </p>
      </section>

      <section aria-labelledby="artifacts-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="artifacts-heading" className="text-lg font-semibold">
            Artifacts
          </h2>
          {adding ? null : (
            <PanelLink panel={{ kind: "new-artifact" } as ProjectPagePanel} href={projectPanelHref} onOpen={onOpen} className={primaryButtonClass}>
              <Icon name="plus" className="h-4 w-4" />
              New artifact
            </PanelLink>
          )}
        </div>
        {groups.length === 0 ? (
          <p className="rounded-lg border-2 border-dashed border-slate-300 bg-white px-5 py-8 text-center text-sm text-slate-600">
            No artifacts yet. Add the documents, designs, reports or code this project delivers; each goes through review before it is final.
          </p>
        ) : (
          groups.map((group) => <ArtifactGroup key={group.status} status={group.status} artifacts={group.artifacts} base={base} now={now} timeZone={timeZone} />)
        )}
      </section>

      {dialogPanel ? (
        <Dialog title={PANEL_TITLES[dialogPanel.kind]} open onClose={close} wide>
          {content(dialogPanel, close)}
        </Dialog>
      ) : null}
    </div>
  );
}
