import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadCustomerTab } from "~/http/customer-tab.server";
import { ReceivablesTable } from "~/receivables/components/ReceivablesTable";
import { listReceivables } from "~/receivables/receivables.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const receivables = await loadCustomerTab(request, params, listReceivables);
  return json({ receivables });
}

export default function ReceivablesTab() {
  const { receivables } = useLoaderData<typeof loader>();
  return <ReceivablesTable receivables={receivables} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
