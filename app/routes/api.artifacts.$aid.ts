import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";
import { toApiArtifact } from "~/projects/api-shape.server";
import { getArtifact } from "~/projects/queries.server";
import { UpdateArtifactApiSchema } from "~/projects/schemas";
import { deleteArtifact, updateArtifact } from "~/projects/writes.server";

const ALLOWED = ["GET", "PATCH", "DELETE"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  // A malformed id, another user's, one under an archived customer: all null.
  const artifact = await getArtifact({ userId, artifactId: params.aid ?? "" });
  if (!artifact) throw notFound();
  return json({ artifact: toApiArtifact(artifact) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), artifactId: params.aid ?? "" };
  switch (request.method) {
    case "PATCH": {
      // A status here is a workflow move, held to the same table as POST …/status (409).
      const patch = await readJsonBody(request, UpdateArtifactApiSchema);
      const outcome = await updateArtifact({ ...ref, patch });
      if (!outcome.ok) throw refused(outcome);
      return json({ artifact: toApiArtifact(outcome.value) });
    }
    case "DELETE": {
      const outcome = await deleteArtifact(ref);
      if (!outcome.ok) throw refused(outcome);
      return json({ artifact: toApiArtifact(outcome.value) });
    }
    default:
      throw methodNotAllowed(ALLOWED);
  }
}
