import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { restoreCustomer, toApiCustomer } from "~/customers/customers.server";
import { methodNotAllowed, notFound } from "~/utils/api.server";

const ALLOWED = ["POST"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const result = await restoreCustomer(userId, params.id ?? "");
  if (result.ok) return json({ customer: toApiCustomer(result.customer) });
  if (result.reason === "expired") {
    // The row still exists until the purge job runs, but it can no longer come back.
    throw json({ error: "restore_window_expired" }, { status: 409 });
  }
  throw notFound();
}
