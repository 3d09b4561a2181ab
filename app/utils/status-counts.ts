/** How many rows have each status, and how many in all: what a status filter bar shows. */
export type StatusCountsOf<Status extends string> = Record<Status, number> & { all: number };

/**
 * Counts from `(status, n)` rows as SQL's GROUP BY gives them: every status
 * present (0 when absent), `all` the total. A status outside `statuses` counts
 * in `all` only.
 */
export function statusCounts<Status extends string>(
  statuses: readonly Status[],
  rows: ReadonlyArray<{ status: string; n: number }> = [],
): StatusCountsOf<Status> {
  const counts: Record<string, number> = Object.fromEntries([...statuses, "all"].map((key) => [key, 0]));
  for (const row of rows) {
    if ((statuses as readonly string[]).includes(row.status)) counts[row.status] = row.n;
    counts.all! += row.n;
  }
  return counts as StatusCountsOf<Status>;
}
