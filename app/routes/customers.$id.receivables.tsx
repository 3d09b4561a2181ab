import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { loadCustomerTab } from "~/http/customer-tab.server";
import { ReceivablesTable } from "~/receivables/components/ReceivablesTable";
import { listReceivables } from "~/receivables/receivables.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const receivables = await loadCustomerTab(request, params, listReceivables);
  // The session lookup (already made, and memoised per request) brings the settings.
  const { settings } = await requireUser(request);
  return json({ receivables, currency: settings.currency });
}

export default function ReceivablesTab() {
  const { receivables, currency } = useLoaderData<typeof loader>();
  return <ReceivablesTable receivables={receivables} currency={currency} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
