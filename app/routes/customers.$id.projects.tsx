import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FolderKanban } from "lucide-react";
import { EmptyState } from "~/components/EmptyState";
import { TabSection } from "~/components/TabSection";
import { listProjects } from "~/customers/customers.server";
import { loadCustomerTab } from "~/customers/tab.server";
import { formatRelativeTime } from "~/customers/format";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projects = await loadCustomerTab(request, params, listProjects);
  return json({ projects, now: new Date().toISOString() });
}

const PROJECT_STATUS: Record<string, string> = {
  planning: "Planning",
  active: "Active",
  on_hold: "On hold",
  completed: "Completed",
  archived: "Archived",
};

export default function ProjectsTab() {
  const { projects, now } = useLoaderData<typeof loader>();
  if (projects.length === 0) {
    return (
      <EmptyState
        icon={FolderKanban}
        title="No projects yet"
        description="Projects track the product work you deliver for this customer and its deliverables. Managing them arrives in a later phase; existing projects are listed here."
      />
    );
  }
  return (
    <TabSection id="projects" title="Projects">
      <ul className="divide-y divide-slate-100">
        {projects.map((project) => (
          <li key={project.id} className="flex flex-wrap justify-between gap-2 px-5 py-3">
            <div>
              <p className="font-medium">{project.name}</p>
              {project.description ? <p className="text-sm text-slate-600">{project.description}</p> : null}
            </div>
            <div className="text-right text-sm">
              <p className="font-medium text-slate-700">{PROJECT_STATUS[project.status] ?? project.status}</p>
              <p className="text-slate-500">Updated {formatRelativeTime(project.updatedAt, new Date(now))}</p>
            </div>
          </li>
        ))}
      </ul>
    </TabSection>
  );
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
