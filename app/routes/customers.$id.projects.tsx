import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUserId } from "~/auth/session.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";
import { invalid, refusal, requireFormProject, saveProjectEdit } from "~/http/project-forms.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import type { ProjectActionFailure } from "~/projects/actions";
import { ProjectBoard } from "~/projects/components/ProjectBoard";
import { shortName, toProjectView } from "~/projects/components/views";
import { PROJECT_STATUS_LABELS } from "~/projects/constants";
import { loadProjectBoard } from "~/projects/pages.server";
import { ProjectFormSchema, ProjectStatusFormSchema } from "~/projects/schemas";
import { createProject, deleteProject, setProjectStatus } from "~/projects/writes.server";
import { readFormData } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  // One statement: the customer (shared with the layout), its projects and the agreements to link.
  const board = await loadProjectBoard(ref);
  // The layout's loader answers an archived customer with its notice.
  if (!board) throw notFound();
  return json({
    customerId: ref.customerId,
    projects: board.projects.map(toProjectView),
    agreements: board.agreements,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const done = (message: string) => redirectWithToast(`/customers/${ref.customerId}/projects`, { kind: "success", message });

  switch (intent) {
    case "create-project": {
      const submission = parseWithZod(formData, { schema: ProjectFormSchema });
      if (submission.status !== "success") return invalid(intent, null, submission.reply());
      const outcome = await createProject({ ...ref, input: submission.value });
      if (!outcome.ok) return refusal({ intent, projectId: null, submission }, outcome);
      return done(`Project “${shortName(outcome.value.name)}” created.`);
    }
    case "update-project":
      return saveProjectEdit(await requireFormProject(ref, formData), formData, done);
    case "project-status": {
      const projectRef = await requireFormProject(ref, formData);
      const submission = parseWithZod(formData, { schema: ProjectStatusFormSchema });
      if (submission.status !== "success") return invalid(intent, projectRef.projectId, submission.reply());
      const outcome = await setProjectStatus({ ...projectRef, status: submission.value.status });
      if (!outcome.ok) return refusal({ intent, projectId: projectRef.projectId }, outcome);
      return done(`“${shortName(outcome.value.name)}” moved to ${PROJECT_STATUS_LABELS[outcome.value.status]}.`);
    }
    case "delete-project": {
      const projectRef = await requireFormProject(ref, formData);
      const outcome = await deleteProject(projectRef);
      if (!outcome.ok) return refusal({ intent, projectId: projectRef.projectId }, outcome);
      const { project, artifactsDeleted } = outcome.value;
      const artifacts = artifactsDeleted === 0 ? "" : artifactsDeleted === 1 ? " with its artifact" : ` with its ${artifactsDeleted} artifacts`;
      return done(`Project “${shortName(project.name)}” deleted${artifacts}.`);
    }
    default:
      return unknownIntent();
  }
}

export default function ProjectsTab() {
  const { customerId, projects, agreements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "intent" in actionData ? (actionData as ProjectActionFailure) : null;
  return <ProjectBoard customerId={customerId} projects={projects} agreements={agreements} failure={failure} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
