import type { ComponentProps, ReactNode } from "react";
import { EmptyState } from "./EmptyState";

/**
 * The card a tab lists its rows in, titled for screen readers too; with no
 * rows, the tab's empty state in its place. `actions` sit beside the title
 * (a "New …" button).
 */
export function TabSection({
  id,
  title,
  isEmpty = false,
  empty,
  actions,
  children,
}: {
  id: string;
  title: string;
  isEmpty?: boolean;
  empty?: ComponentProps<typeof EmptyState>;
  actions?: ReactNode;
  children: ReactNode;
}) {
  if (isEmpty && empty) return <EmptyState {...empty} />;
  return (
    <section aria-labelledby={`${id}-heading`} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
          <h2 id={`${id}-heading`} className="text-lg font-semibold">
            {title}
          </h2>
          {actions}
        </div>
      ) : (
        <h2 id={`${id}-heading`} className="border-b border-slate-200 px-5 py-3 text-lg font-semibold">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}
