import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { loadCustomerTab } from "~/http/customer-tab.server";
import { ProjectList } from "~/projects/components/ProjectList";
import { listProjects } from "~/projects/projects.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const projects = await loadCustomerTab(request, params, listProjects);
  // The session lookup (already made, and memoised per request) brings the settings.
  const { settings } = await requireUser(request);
  return json({ projects, now: new Date().toISOString(), timeZone: settings.timeZone });
}

export default function ProjectsTab() {
  const { projects, now, timeZone } = useLoaderData<typeof loader>();
  return <ProjectList projects={projects} now={new Date(now)} timeZone={timeZone} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
