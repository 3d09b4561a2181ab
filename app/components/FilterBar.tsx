import { Link } from "@remix-run/react";

// `relative` keeps the count's absolutely positioned sr-only text inside the
// scrolling strip; without it the text escapes and the page scrolls sideways on phones.
const linkBase =
  "relative inline-flex items-center gap-2 whitespace-nowrap rounded-full border px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const activeClass = "border-indigo-600 bg-indigo-600 font-semibold text-white";
const inactiveClass = "border-slate-300 bg-white font-medium text-slate-700 hover:bg-slate-100";
const countActiveClass = "bg-white/20 text-white";
const countInactiveClass = "bg-slate-100 text-slate-700";

/**
 * Status tabs over a list: "All", then one per status with its count. Plain
 * links rather than NavLink: every entry shares the list's pathname, so
 * NavLink would mark them all current; the active one is decided by the
 * `status` search param the caller passes in.
 */
export function FilterBar({
  statuses,
  labels,
  noun,
  counts,
  allLabel = "All",
  active,
  hrefFor,
}: {
  statuses: readonly string[];
  labels: Record<string, string>;
  /** What is counted, singular and plural: ["customer", "customers"]. */
  noun: readonly [string, string];
  /** Left out where counting would cost a pass over every row (the receivables page). */
  counts?: Record<string, number> & { all: number };
  /** The label of the unfiltered entry. */
  allLabel?: string;
  active: string | null;
  hrefFor: (status: string | null) => string;
}) {
  const items: { status: string | null; label: string; count: number | null }[] = [
    { status: null, label: allLabel, count: counts ? counts.all : null },
    ...statuses.map((status) => ({ status, label: labels[status] ?? status, count: counts ? (counts[status] ?? 0) : null })),
  ];

  return (
    <nav aria-label="Filter by status">
      {/* Scroll sideways on phones instead of wrapping into a ragged block; the
          padding keeps focus outlines from being clipped by the scroll box. */}
      <ul className="-mx-1 flex gap-2 overflow-x-auto p-1">
        {items.map(({ status, label, count }) => {
          const isActive = status === active;
          return (
            <li key={status ?? "all"} className="shrink-0">
              <Link
                to={hrefFor(status)}
                aria-current={isActive ? "page" : undefined}
                aria-label={count === null ? undefined : `${label}: ${count} ${count === 1 ? noun[0] : noun[1]}`}
                // Switching filters should not throw the reader back to the top.
                preventScrollReset
                className={`${linkBase} ${isActive ? activeClass : inactiveClass}`}
              >
                {label}
                {count === null ? null : (
                  <span
                    className={`rounded-full px-1.5 text-xs tabular-nums ${isActive ? countActiveClass : countInactiveClass}`}
                  >
                    {count}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
