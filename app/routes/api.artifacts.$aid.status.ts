import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, refused } from "~/http/responses.server";
import { toApiArtifact } from "~/projects/api-shape.server";
import { MoveArtifactApiSchema } from "~/projects/schemas";
import { moveArtifact } from "~/projects/writes.server";

const ALLOWED = ["POST"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED);
}

/** POST /api/artifacts/<aid>/status `{ status, from? }`: one workflow move; 409 for one the workflow does not allow. */
export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const { status, from } = await readJsonBody(request, MoveArtifactApiSchema);
  const outcome = await moveArtifact({ userId, artifactId: params.aid ?? "", status, from });
  if (!outcome.ok) throw refused(outcome);
  return json({ artifact: toApiArtifact(outcome.value) });
}
