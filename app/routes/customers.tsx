import type { ActionFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUserId } from "~/auth/session.server";
import { createCustomerFromForm, unknownIntent } from "~/customers/actions.server";

// Layout for /customers/*. Its action answers a POST to /customers itself
// (no ?index), which is what a plain client of the contract sends.
export async function action({ request }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "create") return unknownIntent();
  return createCustomerFromForm(userId, formData);
}

export default function CustomersLayout() {
  return <Outlet />;
}
