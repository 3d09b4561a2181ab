import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { getCustomer } from "~/customers/customers.server";
import { notFound } from "~/http/responses.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

// /customers/<id> has no page of its own: the overview is the default tab.
// Ownership is checked here too, since loaders run in parallel and a redirect
// would otherwise win over the layout's 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const customer = await getCustomer({ userId, customerId: params.id ?? "" });
  if (!customer) throw notFound();
  return redirect(`/customers/${customer.id}/overview`);
}

// A default export keeps this a UI route. Without one, Remix serves
// /customers/<id> as a resource route, and a no-JS form POST there (status,
// archive, restore) got a 405 instead of reaching the layout's action.
export default function CustomerIndex() {
  return null;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
