import { FileText } from "lucide-react";
import { TabSection } from "~/components/TabSection";
import { formatDate } from "~/utils/format";
import { AGREEMENT_STATUS_LABELS, type AgreementStatus } from "../constants";

export interface AgreementListEntry {
  id: string;
  scope: string;
  type: string;
  startDate: string | null;
  endDate: string | null;
  status: AgreementStatus;
}

/** A customer's agreements with their computed status (the server computes it). */
export function AgreementList({ agreements }: { agreements: AgreementListEntry[] }) {
  return (
    <TabSection
      id="agreements"
      title="Agreements"
      isEmpty={agreements.length === 0}
      empty={{
        icon: FileText,
        title: "No agreements yet",
        description: "Agreements set out the scope, dates and pricing of your work with this customer. Managing them arrives in the next phase; existing agreements are listed here.",
      }}
    >
      <ul className="divide-y divide-slate-100">
        {agreements.map((agreement) => (
          <li key={agreement.id} className="flex flex-wrap justify-between gap-2 px-5 py-3">
            <div>
              <p className="font-medium">{agreement.scope}</p>
              <p className="text-sm text-slate-600">
                {agreement.type.replaceAll("_", " ")} · {formatDate(agreement.startDate)} – {formatDate(agreement.endDate)}
              </p>
            </div>
            <span className="text-sm font-medium text-slate-700">{AGREEMENT_STATUS_LABELS[agreement.status]}</span>
          </li>
        ))}
      </ul>
    </TabSection>
  );
}
