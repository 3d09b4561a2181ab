import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";

// Unknown API paths: 401 without a session (as every /api route), 404 JSON with one.
async function notFound({ request }: LoaderFunctionArgs | ActionFunctionArgs) {
  await requireUserId(request);
  return json({ error: "not_found" }, { status: 404 });
}

export const loader = notFound;
export const action = notFound;
