import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { toApiCustomer } from "~/customers/api-shape.server";
import { archiveCustomer } from "~/customers/archive.server";
import { getCustomer, InfoTooLargeError, updateCustomer } from "~/customers/customers.server";
import { UpdateCustomerApiSchema } from "~/customers/schemas";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, validationError } from "~/http/responses.server";

/** The methods this endpoint serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["GET", "PUT", "DELETE"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  // The domain answers null for a malformed id too, so every miss looks alike.
  const customer = await getCustomer({ userId, customerId: params.id ?? "" });
  if (!customer) throw notFound();
  return json({ customer: toApiCustomer(customer) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  switch (request.method) {
    case "PUT": {
      const input = await readJsonBody(request, UpdateCustomerApiSchema);
      let customer;
      try {
        customer = await updateCustomer({ ...ref, changes: input });
      } catch (error) {
        // The merged info can outgrow the database's ceiling even when each patch fits.
        if (error instanceof InfoTooLargeError) throw validationError({ info: [error.message] });
        throw error;
      }
      if (!customer) throw notFound();
      return json({ customer: toApiCustomer(customer) });
    }
    case "DELETE": {
      const customer = await archiveCustomer(ref);
      if (!customer) throw notFound();
      return json({ customer: toApiCustomer(customer, { withDeletedAt: true }) });
    }
    default:
      throw methodNotAllowed(ALLOWED_METHODS);
  }
}
