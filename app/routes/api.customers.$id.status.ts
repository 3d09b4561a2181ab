import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { toApiCustomer } from "~/customers/api-shape.server";
import { updateStatus } from "~/customers/customers.server";
import { StatusApiSchema } from "~/customers/schemas";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound } from "~/http/responses.server";

/** The methods this endpoint serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["PATCH"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED_METHODS);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "PATCH") throw methodNotAllowed(ALLOWED_METHODS);
  const { status } = await readJsonBody(request, StatusApiSchema);
  const customer = await updateStatus({ userId, customerId: params.id ?? "", status });
  if (!customer) throw notFound();
  return json({ customer: toApiCustomer(customer) });
}
