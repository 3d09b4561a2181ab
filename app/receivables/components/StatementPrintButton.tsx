import { Icon } from "~/components/icons/Icon";
import { secondaryButtonClass } from "~/components/Field";
import { useHydrated } from "~/components/Dialog";

/** With JavaScript, a button that opens the print dialog; without it, where to find Print. */
export function StatementPrintButton() {
  const hydrated = useHydrated();
  if (!hydrated) {
    return <p className="text-sm text-slate-600 print:hidden">To print or save it as a PDF, use your browser&rsquo;s Print command.</p>;
  }
  return (
    <button type="button" className={`${secondaryButtonClass} print:hidden`} onClick={() => window.print()}>
      <Icon name="printer" className="h-4 w-4" />
      Print
    </button>
  );
}
