import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { toApiCustomer, updateStatus } from "~/customers/customers.server";
import { StatusApiSchema } from "~/customers/schemas";
import { methodNotAllowed, notFound, readJsonBody } from "~/utils/api.server";

const ALLOWED = ["PATCH"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "PATCH") throw methodNotAllowed(ALLOWED);
  const { status } = await readJsonBody(request, StatusApiSchema);
  const customer = await updateStatus(userId, params.id ?? "", status);
  if (!customer) throw notFound();
  return json({ customer: toApiCustomer(customer) });
}
