import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";
import { toApiArtifact } from "~/projects/api-shape.server";
import { listArtifacts } from "~/projects/queries.server";
import { CreateArtifactApiSchema } from "~/projects/schemas";
import { createArtifact } from "~/projects/writes.server";

const ALLOWED = ["GET", "POST"] as const;

/** The project's artifacts, content included; 404 unless the user's project under a live customer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const artifacts = await listArtifacts({ userId, projectId: params.pid ?? "" });
  if (!artifacts) throw notFound();
  return json({ artifacts: artifacts.map(toApiArtifact) });
}

/** 201 with the new artifact, a draft. */
export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const input = await readJsonBody(request, CreateArtifactApiSchema);
  const outcome = await createArtifact({ userId, projectId: params.pid ?? "", input });
  if (!outcome.ok) throw refused(outcome);
  return json({ artifact: toApiArtifact(outcome.value) }, { status: 201 });
}
