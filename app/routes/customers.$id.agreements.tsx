import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FileText } from "lucide-react";
import { EmptyState } from "~/components/EmptyState";
import { TabSection } from "~/components/TabSection";
import { listAgreements } from "~/customers/customers.server";
import { loadCustomerTab } from "~/customers/tab.server";
import { formatDate } from "~/customers/format";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agreements = await loadCustomerTab(request, params, listAgreements);
  return json({ agreements });
}

function agreementState(agreement: { overrideStatus: string | null; startDate: string | null; endDate: string | null }) {
  if (agreement.overrideStatus) return agreement.overrideStatus === "terminated" ? "Terminated" : "Suspended";
  const today = new Date().toISOString().slice(0, 10);
  if (agreement.startDate && agreement.startDate.slice(0, 10) > today) return "Upcoming";
  if (agreement.endDate && agreement.endDate.slice(0, 10) < today) return "Ended";
  return "Active";
}

export default function AgreementsTab() {
  const { agreements } = useLoaderData<typeof loader>();
  if (agreements.length === 0) {
    return (
      <EmptyState
        icon={FileText}
        title="No agreements yet"
        description="Agreements set out the scope, dates and pricing of your work with this customer. Managing them arrives in the next phase; existing agreements are listed here."
      />
    );
  }
  return (
    <TabSection id="agreements" title="Agreements">
      <ul className="divide-y divide-slate-100">
        {agreements.map((agreement) => (
          <li key={agreement.id} className="flex flex-wrap justify-between gap-2 px-5 py-3">
            <div>
              <p className="font-medium">{agreement.scope}</p>
              <p className="text-sm text-slate-600">
                {agreement.type.replaceAll("_", " ")} · {formatDate(agreement.startDate)} – {formatDate(agreement.endDate)}
              </p>
            </div>
            <span className="text-sm font-medium text-slate-700">{agreementState(agreement)}</span>
          </li>
        ))}
      </ul>
    </TabSection>
  );
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
