import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";
import { toApiProject } from "~/projects/api-shape.server";
import { listProjectBoard } from "~/projects/queries.server";
import { CreateProjectApiSchema } from "~/projects/schemas";
import { createProject } from "~/projects/writes.server";

const ALLOWED = ["GET", "POST"] as const;

/** The customer's projects with their artifact counts; 404 unless the user's live customer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const projects = await listProjectBoard({ userId, customerId: params.id ?? "" });
  if (!projects) throw notFound();
  return json({ projects: projects.map(toApiProject) });
}

/** 201 with the project; 400 with field issues (an agreement not of this customer names `agreement_id`). */
export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const input = await readJsonBody(request, CreateProjectApiSchema);
  const outcome = await createProject({ userId, customerId: params.id ?? "", input });
  if (!outcome.ok) throw refused(outcome);
  return json({ project: toApiProject(outcome.value) }, { status: 201 });
}
