import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Receipt } from "lucide-react";
import { requireUserId } from "~/auth/session.server";
import { customerNotFound } from "~/customers/actions.server";
import { EmptyState } from "~/customers/components/EmptyState";
import { getCustomer, listReceivables } from "~/customers/customers.server";
import { formatDate, formatMoney } from "~/customers/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const id = params.id ?? "";
  const [customer, receivables] = await Promise.all([getCustomer(userId, id), listReceivables(userId, id)]);
  if (!customer) throw customerNotFound();
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
    <section aria-labelledby="receivables-heading" className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="receivables-heading" className="border-b border-slate-200 px-5 py-3 text-lg font-semibold">
        Invoices and payments
      </h2>
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
    </section>
  );
}
