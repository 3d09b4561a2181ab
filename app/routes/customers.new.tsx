import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUserId } from "~/auth/session.server";
import { createCustomerAction } from "~/http/create-customer.server";
import { NewCustomerForm } from "~/customers/components/NewCustomerForm";
import { BackToCustomers } from "~/components/BackToCustomers";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";

export const meta: MetaFunction = () => [{ title: "New customer · Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  return null;
}

export const action = createCustomerAction;

// The no-JavaScript home of the New Customer dialog.
export default function NewCustomerPage() {
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <BackToCustomers />
        <h1 className="mt-2 text-2xl font-bold">New customer</h1>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewCustomerForm action="/customers/new" lastResult={lastResult} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
