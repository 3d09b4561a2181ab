import { Receipt } from "lucide-react";
import { TabSection } from "~/components/TabSection";
import { formatDate, formatMoney } from "~/utils/format";

export interface ReceivableEntry {
  id: string;
  type: string;
  /** Its effect on the balance, signed by the server: negative for a payment. */
  signedAmount: string;
  date: string;
  status: string | null;
  description: string | null;
  reference: string | null;
}

/** A customer's invoices and payments, newest first, in the account's currency. */
export function ReceivablesTable({ receivables, currency }: { receivables: ReceivableEntry[]; currency: string }) {
  return (
    <TabSection
      id="receivables"
      title="Invoices and payments"
      isEmpty={receivables.length === 0}
      empty={{
        icon: Receipt,
        title: "No invoices or payments yet",
        description: "Invoices and payments for this customer will appear here, with the outstanding balance on the overview. Recording them arrives in the next phase.",
      }}
    >
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
              <td className="px-5 py-2 wrap-anywhere">{[row.reference, row.description].filter(Boolean).join(" · ") || "—"}</td>
              <td className="px-5 py-2">{row.status ?? "—"}</td>
              <td className="whitespace-nowrap px-5 py-2 text-right tabular-nums">{formatMoney(row.signedAmount, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabSection>
  );
}
