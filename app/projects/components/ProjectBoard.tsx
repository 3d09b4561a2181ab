import { Link, useSearchParams } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { ConfirmForm } from "~/components/ConfirmForm";
import { Dialog } from "~/components/Dialog";
import { EmptyState } from "~/components/EmptyState";
import { primaryButtonClass } from "~/components/Field";
import { PanelLink } from "~/components/PanelLink";
import { RefusalAlert } from "~/components/RefusalAlert";
import { INLINE_LINK_CLASS } from "~/components/link-styles";
import { useTabPanels } from "~/components/tab-panels";
import type { ProjectActionFailure } from "../actions";
import { ARTIFACT_STATUSES, PROJECT_STATUS_LABELS, type ProjectStatus } from "../constants";
import { boardPanelFromSearch, boardPanelHref, boardPanelOfFailure, sameBoardPanel, type BoardPanel } from "./panels";
import { ProjectCard } from "./ProjectCard";
import { ProjectForm } from "./ProjectForm";
import { shortName, type AgreementOption, type ProjectView } from "./views";

/** The board's columns, in the order work moves; archived ones are behind a link. */
export const BOARD_COLUMNS: readonly ProjectStatus[] = ["planning", "active", "on_hold", "completed"];

const PANEL_TITLES: Record<BoardPanel["kind"], string> = { new: "New project", edit: "Edit project", delete: "Delete project" };

/** "Delete “Site” and its 3 artifacts? …": the confirm step says what goes with it. */
export function deleteProjectQuestion(project: ProjectView): string {
  const count = ARTIFACT_STATUSES.reduce((sum, status) => sum + project.artifactCounts[status], 0);
  const what = count === 0 ? "It has no artifacts." : count === 1 ? "Its 1 artifact is deleted with it." : `Its ${count} artifacts are deleted with it.`;
  return `Delete the project “${shortName(project.name)}”? ${what} This cannot be undone.`;
}

function Column({
  status,
  projects,
  customerId,
  onOpen,
  wide = false,
}: {
  status: ProjectStatus;
  projects: ProjectView[];
  customerId: string;
  onOpen?: (panel: BoardPanel) => void;
  /** The archived row under the board: its cards side by side, as wide as the board's. */
  wide?: boolean;
}) {
  const headingId = `column-${status}-heading`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-2 rounded-lg bg-slate-100 p-3">
      <h3 id={headingId} className="flex items-center justify-between text-sm font-semibold text-slate-700">
        {PROJECT_STATUS_LABELS[status]}
        <span className="rounded-full bg-white px-2 text-xs tabular-nums text-slate-700">{projects.length}</span>
      </h3>
      {projects.length === 0 ? (
        <p className="text-sm text-slate-600">None</p>
      ) : (
        <ul className={wide ? "grid gap-2 md:grid-cols-2 xl:grid-cols-4" : "space-y-2"}>
          {projects.map((project) => (
            <li key={project.id} id={`project-${project.id}`} className="scroll-mt-4">
              <ProjectCard project={project} customerId={customerId} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The Projects tab: a board with a column per status, archived projects
 * behind a link (?archived), and the one form open at a time (new, edit,
 * delete) — a section at the top without JavaScript, a dialog with it, as
 * the agreements tab.
 */
export function ProjectBoard({
  projects,
  agreements,
  customerId,
  failure,
}: {
  projects: ProjectView[];
  agreements: AgreementOption[];
  customerId: string;
  failure: ProjectActionFailure | null;
}) {
  const [searchParams] = useSearchParams();
  const showArchived = searchParams.has("archived");
  const { activeFailure, failedPanel, dialogPanel, pagePanel, onOpen, close } = useTabPanels({
    failure,
    fromSearch: boardPanelFromSearch,
    ofFailure: boardPanelOfFailure,
    same: sameBoardPanel,
  });
  const byId = new Map(projects.map((project) => [project.id, project]));
  const archived = projects.filter((project) => project.status === "archived");

  function content(panel: BoardPanel, onCancel?: () => void) {
    const failed = sameBoardPanel(panel, failedPanel) ? activeFailure : null;
    if (panel.kind === "new") return <ProjectForm agreements={agreements} lastResult={failed?.result} onCancel={onCancel} />;
    const project = byId.get(panel.projectId);
    if (!project) return null;
    if (panel.kind === "edit") return <ProjectForm project={project} agreements={agreements} lastResult={failed?.result} onCancel={onCancel} />;
    return (
      <ConfirmForm
        question={deleteProjectQuestion(project)}
        questionId={`confirm-delete-${project.id}-description`}
        intent="delete-project"
        fields={{ projectId: project.id }}
        confirmLabel="Delete project"
        pendingLabel="Deleting…"
        danger
        onCancel={onCancel}
      >
        {failed?.message ? <RefusalAlert message={failed.message} /> : null}
      </ConfirmForm>
    );
  }

  const pageContent = pagePanel ? content(pagePanel) : null;
  const creating = pagePanel?.kind === "new" || dialogPanel?.kind === "new";
  const newButton = creating ? null : (
    <PanelLink panel={{ kind: "new" } as BoardPanel} href={boardPanelHref} onOpen={onOpen} className={primaryButtonClass}>
      <Icon name="plus" className="h-4 w-4" />
      New project
    </PanelLink>
  );

  return (
    <div className="space-y-6">
      {pagePanel && pageContent ? (
        <section
          aria-labelledby="project-panel-heading"
          className={`rounded-lg border bg-white p-5 shadow-sm ${pagePanel.kind === "delete" ? "border-red-200" : "border-slate-200"}`}
        >
          <h2 id="project-panel-heading" className="mb-4 text-lg font-semibold">
            {PANEL_TITLES[pagePanel.kind]}
          </h2>
          {pageContent}
        </section>
      ) : null}

      {projects.length === 0 ? (
        <EmptyState
          icon="folder-kanban"
          title="No projects yet"
          description="Projects track the work you deliver for this customer, and their artifacts go through review and approval."
          action={newButton ?? undefined}
        />
      ) : (
        <section aria-labelledby="projects-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="projects-heading" className="text-lg font-semibold">
              Projects
            </h2>
            {newButton}
          </div>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
            {BOARD_COLUMNS.map((status) => (
              <Column key={status} status={status} projects={projects.filter((project) => project.status === status)} customerId={customerId} onOpen={onOpen} />
            ))}
          </div>
          {showArchived ? (
            <div className="space-y-2">
              <Column status="archived" projects={archived} customerId={customerId} onOpen={onOpen} wide />
              <Link to="." preventScrollReset className={`text-sm ${INLINE_LINK_CLASS}`}>
                Hide archived projects
              </Link>
            </div>
          ) : (
            <p className="text-sm text-slate-600">
              {archived.length === 0 ? (
                "No archived projects."
              ) : (
                <Link to="?archived" preventScrollReset className={INLINE_LINK_CLASS}>
                  Show {archived.length === 1 ? "1 archived project" : `${archived.length} archived projects`}
                </Link>
              )}
            </p>
          )}
        </section>
      )}

      {dialogPanel ? (
        <Dialog title={PANEL_TITLES[dialogPanel.kind]} open onClose={close} wide={dialogPanel.kind !== "delete"}>
          {content(dialogPanel, close)}
        </Dialog>
      ) : null}
    </div>
  );
}
