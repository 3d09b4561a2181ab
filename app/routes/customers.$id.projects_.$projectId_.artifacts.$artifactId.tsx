import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, requireUserId } from "~/auth/session.server";
import { invalid, refusal, requireArtifact, staleArtifact } from "~/http/project-forms.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import type { ProjectActionFailure } from "~/projects/actions";
import { ArtifactDetails } from "~/projects/components/ArtifactDetails";
import { ProjectErrorBoundary } from "~/projects/components/ProjectErrorBoundary";
import { shortName, toArtifactView } from "~/projects/components/views";
import { isArtifactStatus } from "~/projects/constants";
import { loadArtifactPage } from "~/projects/pages.server";
import { ARTIFACT_FORM_FIELDS, ArtifactFormSchema, ArtifactStatusFormSchema } from "~/projects/schemas";
import { deleteArtifact, editArtifact, moveArtifact } from "~/projects/writes.server";
import { findMove } from "~/projects/workflow";
import { formValuesOf, openedWithOf } from "~/utils/edit-merge";
import { readFormData } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * An artifact's page, under the customer's layout (`projects_` and
 * `$projectId_` leave the board and the project page out of the nesting).
 * The URL's customer and project scope every read and write.
 */

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.artifact.title} · ${data.project.name} · Customers` : "Artifact not found · Customers" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const row = await loadArtifactPage({ userId, customerId: params.id ?? "", projectId: params.projectId ?? "", artifactId: params.artifactId ?? "" });
  if (!row) throw notFound();
  return json({
    customerId: row.customerId,
    project: { id: row.projectId, name: row.projectName },
    artifact: toArtifactView(row),
    now: new Date().toISOString(),
    timeZone: settings.timeZone,
  });
}

// What the toast says after each move, by its kind.
const MOVED: Record<string, string> = {
  start: "work started",
  send_to_review: "sent to review",
  request_changes: "sent back: changes requested",
  approve: "approved",
  reopen: "reopened",
  archive: "archived",
  restore: "restored to draft",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  const formData = await readFormData(request);
  const artifactRef = await requireArtifact({ userId, customerId: params.id ?? "", projectId: params.projectId ?? "", artifactId: params.artifactId ?? "" });
  const projectId = artifactRef.projectId ?? null;
  const page = `/customers/${params.id}/projects/${projectId}`;
  const done = (url: string, message: string) => redirectWithToast(url, { kind: "success", message });
  const intent = formData.get("intent");

  switch (intent) {
    case "update-artifact": {
      const submission = parseWithZod(formData, { schema: ArtifactFormSchema });
      if (submission.status !== "success") return invalid(intent, projectId, submission.reply());
      const outcome = await editArtifact({
        ...artifactRef,
        input: submission.value,
        posted: formValuesOf(submission.payload, ARTIFACT_FORM_FIELDS),
        opened: openedWithOf(formData, ARTIFACT_FORM_FIELDS),
      });
      if ("stale" in outcome) return staleArtifact(submission, outcome.stale, projectId ?? "");
      if (!outcome.ok) return refusal({ intent, projectId, submission }, outcome);
      return done(`${page}/artifacts/${outcome.value.id}`, "Artifact saved.");
    }
    case "artifact-status": {
      const submission = parseWithZod(formData, { schema: ArtifactStatusFormSchema });
      if (submission.status !== "success") return invalid(intent, projectId, submission.reply());
      const from = formData.get("from");
      const outcome = await moveArtifact({ ...artifactRef, status: submission.value.status, from: isArtifactStatus(from) ? from : undefined });
      if (!outcome.ok) return refusal({ intent, projectId }, outcome);
      const move = isArtifactStatus(from) ? findMove(from, outcome.value.status) : null;
      const title = `“${shortName(outcome.value.title)}”`;
      return done(`${page}/artifacts/${outcome.value.id}`, move ? `${title} ${MOVED[move.kind]}.` : `${title} moved.`);
    }
    case "delete-artifact": {
      const outcome = await deleteArtifact(artifactRef);
      if (!outcome.ok) return refusal({ intent, projectId }, outcome);
      return done(page, `Artifact “${shortName(outcome.value.title)}” deleted.`);
    }
    default:
      return unknownIntent();
  }
}

export default function ArtifactPage() {
  const { customerId, project, artifact, now, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "intent" in actionData ? (actionData as ProjectActionFailure) : null;
  return <ArtifactDetails customerId={customerId} project={project} artifact={artifact} failure={failure} now={new Date(now)} timeZone={timeZone} />;
}

export function ErrorBoundary() {
  return <ProjectErrorBoundary what="Artifact" />;
}
