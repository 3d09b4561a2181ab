import { FolderKanban } from "lucide-react";
import { TabSection } from "~/components/TabSection";
import { formatRelativeTime } from "~/utils/format";
import { PROJECT_STATUS_LABELS } from "../status";

export interface ProjectEntry {
  id: string;
  name: string;
  description: string | null;
  status: string;
  updatedAt: string | null;
}

/** A customer's projects; `now` and the account's `timeZone` come from the loader so both renders agree. */
export function ProjectList({ projects, now, timeZone }: { projects: ProjectEntry[]; now: Date; timeZone: string }) {
  return (
    <TabSection
      id="projects"
      title="Projects"
      isEmpty={projects.length === 0}
      empty={{
        icon: FolderKanban,
        title: "No projects yet",
        description: "Projects track the product work you deliver for this customer and its deliverables. Managing them arrives in a later phase; existing projects are listed here.",
      }}
    >
      <ul className="divide-y divide-slate-100">
        {projects.map((project) => (
          <li key={project.id} className="flex flex-wrap justify-between gap-2 px-5 py-3">
            <div className="min-w-0 wrap-anywhere">
              <p className="font-medium">{project.name}</p>
              {project.description ? <p className="text-sm text-slate-600">{project.description}</p> : null}
            </div>
            <div className="text-right text-sm">
              <p className="font-medium text-slate-700">{PROJECT_STATUS_LABELS[project.status] ?? project.status}</p>
              <p className="text-slate-500">Updated {formatRelativeTime(project.updatedAt, now, timeZone)}</p>
            </div>
          </li>
        ))}
      </ul>
    </TabSection>
  );
}
