import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";
import { toApiProject } from "~/projects/api-shape.server";
import { getProject } from "~/projects/queries.server";
import { UpdateProjectApiSchema } from "~/projects/schemas";
import { deleteProject, updateProject } from "~/projects/writes.server";

const ALLOWED = ["GET", "PATCH", "DELETE"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  // A malformed id, another user's, one under an archived customer: all null.
  const project = await getProject({ userId, projectId: params.pid ?? "" });
  if (!project) throw notFound();
  return json({ project: toApiProject(project) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), projectId: params.pid ?? "" };
  switch (request.method) {
    case "PATCH": {
      const patch = await readJsonBody(request, UpdateProjectApiSchema);
      const outcome = await updateProject({ ...ref, patch });
      if (!outcome.ok) throw refused(outcome);
      return json({ project: toApiProject(outcome.value) });
    }
    case "DELETE": {
      // Its artifacts go with it; the answer's artifact_counts say how many there were.
      const outcome = await deleteProject(ref);
      if (!outcome.ok) throw refused(outcome);
      return json({ project: toApiProject(outcome.value.project) });
    }
    default:
      throw methodNotAllowed(ALLOWED);
  }
}
