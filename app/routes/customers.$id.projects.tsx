import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadCustomerTab } from "~/http/customer-tab.server";
import { ProjectList } from "~/projects/components/ProjectList";
import { listProjects } from "~/projects/projects.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projects = await loadCustomerTab(request, params, listProjects);
  return json({ projects, now: new Date().toISOString() });
}

export default function ProjectsTab() {
  const { projects, now } = useLoaderData<typeof loader>();
  return <ProjectList projects={projects} now={new Date(now)} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
