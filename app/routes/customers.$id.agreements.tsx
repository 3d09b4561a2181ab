import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listAgreements } from "~/agreements/agreements.server";
import { AgreementList } from "~/agreements/components/AgreementList";
import { loadCustomerTab } from "~/http/customer-tab.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agreements = await loadCustomerTab(request, params, listAgreements);
  return json({ agreements });
}

export default function AgreementsTab() {
  const { agreements } = useLoaderData<typeof loader>();
  return <AgreementList agreements={agreements} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
