import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Receipt } from "lucide-react";
import { EmptyState } from "~/components/EmptyState";
import { TabSection } from "~/components/TabSection";
import { listReceivables } from "~/customers/customers.server";
import { loadCustomerTab } from "~/customers/tab.server";
import { formatDate, formatMoney } from "~/customers/format";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const receivables = await loadCustomerTab(request, params, listReceivables);
  return json({ receivables });
}

export default function ReceivablesTab() {
  const { receivables } = useLoaderData<typeof loader>();
  if (receivables.length === 0) {
    return (
      <EmptyState
        icon={Receipt}
        title="No invoices or payments yet"
        description="Invoices and payments for this customer will appear here, with the outstanding balance on the overview. Recording them arrives in the next phase."
      />
    );
  }
  return (
    <TabSection id="receivables" title="Invoices and payments">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">Date</th>
            <th scope="col" className="px-5 py-2 font-medium">Type</th>
            <th scope="col" className="px-5 py-2 font-medium">Description</th>
            <th scope="col" className="px-5 py-2 font-medium">Status</th>
            <th scope="col" className="px-5 py-2 text-right font-medium">Amount</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {receivables.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap px-5 py-2">{formatDate(row.date)}</td>
              <td className="px-5 py-2">{row.type === "invoice" ? "Invoice" : "Payment"}</td>
              <td className="px-5 py-2">{[row.reference, row.description].filter(Boolean).join(" · ") || "—"}</td>
              <td className="px-5 py-2">{row.status ?? "—"}</td>
              <td className="whitespace-nowrap px-5 py-2 text-right tabular-nums">
                {formatMoney(row.type === "payment" ? `-${row.amount}` : row.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabSection>
  );
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
