import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { toApiCustomer } from "~/customers/api-shape.server";
import { restoreCustomer } from "~/customers/archive.server";
import { methodNotAllowed, notFound } from "~/http/responses.server";

/** The methods this endpoint serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["POST"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED_METHODS);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED_METHODS);
  const result = await restoreCustomer({ userId, customerId: params.id ?? "" });
  if (result.ok) return json({ customer: toApiCustomer(result.customer) });
  if (result.reason === "expired") {
    // The row still exists until the purge job runs, but it can no longer come back.
    throw json({ error: "restore_window_expired" }, { status: 409 });
  }
  // A live customer ("already_restored") is not archived, so there is nothing to restore:
  // 404, as the contract has it (tests/api/customers.restore.test.ts). Only the pages soften it.
  throw notFound();
}
