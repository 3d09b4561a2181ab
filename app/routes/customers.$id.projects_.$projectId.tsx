import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, requireUserId } from "~/auth/session.server";
import { invalid, refusal, requireProject, saveProjectEdit } from "~/http/project-forms.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import type { ProjectActionFailure } from "~/projects/actions";
import { ProjectDetails } from "~/projects/components/ProjectDetails";
import { ProjectErrorBoundary } from "~/projects/components/ProjectErrorBoundary";
import { shortName, toArtifactListView, toProjectView } from "~/projects/components/views";
import { loadProjectPage } from "~/projects/pages.server";
import { ArtifactFormSchema } from "~/projects/schemas";
import { createArtifact } from "~/projects/writes.server";
import { readFormData } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * A project's page, under the customer's layout but not inside the board
 * (`projects_` leaves the tab's route out of the nesting). The URL's customer
 * scopes every read and write: a project of another customer is a 404 here.
 */

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.project.name} · Projects · Customers` : "Project not found · Customers" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const ref = { userId, customerId: params.id ?? "", projectId: params.projectId ?? "" };
  // One statement: the customer (shared with the layout), the project, its artifacts and the agreements to link.
  const found = await loadProjectPage(ref);
  if (!found) throw notFound();
  return json({
    customerId: ref.customerId,
    project: toProjectView(found.project),
    artifacts: found.artifacts.map(toArtifactListView),
    agreements: found.agreements,
    now: new Date().toISOString(),
    timeZone: settings.timeZone,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  const formData = await readFormData(request);
  const projectRef = await requireProject({ userId, customerId: params.id ?? "", projectId: params.projectId ?? "" });
  const page = `/customers/${params.id}/projects/${projectRef.projectId}`;
  const intent = formData.get("intent");

  switch (intent) {
    case "update-project":
      return saveProjectEdit(projectRef, formData, (message) => redirectWithToast(page, { kind: "success", message }));
    case "create-artifact": {
      const submission = parseWithZod(formData, { schema: ArtifactFormSchema });
      if (submission.status !== "success") return invalid(intent, projectRef.projectId, submission.reply());
      const outcome = await createArtifact({ ...projectRef, input: submission.value });
      if (!outcome.ok) return refusal({ intent, projectId: projectRef.projectId, submission }, outcome);
      return redirectWithToast(`${page}/artifacts/${outcome.value.id}`, { kind: "success", message: `Artifact “${shortName(outcome.value.title)}” created as a draft.` });
    }
    default:
      return unknownIntent();
  }
}

export default function ProjectPage() {
  const { customerId, project, artifacts, agreements, now, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "intent" in actionData ? (actionData as ProjectActionFailure) : null;
  return (
    <ProjectDetails
      customerId={customerId}
      project={project}
      artifacts={artifacts}
      agreements={agreements}
      failure={failure}
      now={new Date(now)}
      timeZone={timeZone}
    />
  );
}

export function ErrorBoundary() {
  return <ProjectErrorBoundary what="Project" />;
}
