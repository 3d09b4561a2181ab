import type { ReactNode } from "react";

// A tab repeats these on every row (an invoice's Send, an agreement's Renew):
// named once in tailwind.css, they keep the page's HTML and the server's work short.
export const rowActionClass = "row-action";
export const rowDangerActionClass = "row-action row-action-danger";

/** One detail of a row, inside a `<dl className="row-details …">` (tailwind.css styles its parts). */
export function Detail({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
