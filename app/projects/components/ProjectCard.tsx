import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { PanelLink } from "~/components/PanelLink";
import { INLINE_LINK_CLASS } from "~/components/link-styles";
import { ARTIFACT_STATUS_LABELS, ARTIFACT_STATUSES } from "../constants";
import { boardPanelHref, type BoardPanel } from "./panels";
import { ProjectStatusControl } from "./ProjectStatusControl";
import { shortName, type ProjectView } from "./views";

export const cardActionClass =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600";
export const cardDangerClass = cardActionClass.replace("text-slate-800", "text-red-700").replace("hover:bg-slate-50", "hover:bg-red-50");

/** "2 in review · 1 final", or that there are none. */
export function ArtifactCounts({ counts }: { counts: ProjectView["artifactCounts"] }) {
  const present = ARTIFACT_STATUSES.filter((status) => counts[status] > 0);
  if (present.length === 0) return <p className="text-sm text-slate-500">No artifacts yet</p>;
  return (
    <ul aria-label="Artifacts" className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
      {present.map((status) => (
        <li key={status} className="inline-flex items-center gap-1">
          <Icon name="file-text" className="h-3.5 w-3.5 text-slate-400" />
          <span className="font-semibold tabular-nums">{counts[status]}</span> {ARTIFACT_STATUS_LABELS[status].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

/** One project on the board: its name (to its page), agreement, artifact counts, status control and actions. */
export function ProjectCard({ project, customerId, onOpen }: { project: ProjectView; customerId: string; onOpen?: (panel: BoardPanel) => void }) {
  const name = shortName(project.name);
  const headingId = `project-${project.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-sm">
      <h4 id={headingId} className="font-semibold wrap-anywhere">
        <Link to={`/customers/${customerId}/projects/${project.id}`} className="text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
          {project.name}
        </Link>
      </h4>
      {project.description ? <p className="line-clamp-3 text-sm text-slate-600 wrap-anywhere">{project.description}</p> : null}
      {project.agreementId ? (
        <p className="text-sm text-slate-700 wrap-anywhere">
          Agreement:{" "}
          <Link to={`/customers/${customerId}/agreements#agreement-${project.agreementId}`} className={INLINE_LINK_CLASS}>
            {shortName(project.agreementScope ?? "linked agreement")}
          </Link>
        </p>
      ) : null}
      <ArtifactCounts counts={project.artifactCounts} />
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-2">
        <ProjectStatusControl projectId={project.id} name={project.name} status={project.status} />
        <div className="flex gap-1.5">
          <PanelLink panel={{ kind: "edit", projectId: project.id }} href={boardPanelHref} onOpen={onOpen} className={cardActionClass} label={`Edit ${name}`}>
            <Icon name="pencil" className="h-4 w-4" />
            Edit
          </PanelLink>
          <PanelLink panel={{ kind: "delete", projectId: project.id }} href={boardPanelHref} onOpen={onOpen} className={cardDangerClass} label={`Delete ${name}`}>
            <Icon name="trash-2" className="h-4 w-4" />
            Delete
          </PanelLink>
        </div>
      </div>
    </article>
  );
}
