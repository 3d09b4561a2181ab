import type { ReactNode } from "react";

/** The card a read-only tab lists its rows in, titled for screen readers too. */
export function TabSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id={`${id}-heading`} className="border-b border-slate-200 px-5 py-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
