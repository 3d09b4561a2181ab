import { FilterBar } from "~/components/FilterBar";
import { CUSTOMER_STATUSES, STATUS_LABELS } from "~/customers/constants";

const NOUN = ["customer", "customers"] as const;

/** The customer list's status tabs, in pipeline order. */
export function StatusFilterBar(props: {
  counts: Record<string, number> & { all: number };
  active: string | null;
  hrefFor: (status: string | null) => string;
}) {
  return <FilterBar statuses={CUSTOMER_STATUSES} labels={STATUS_LABELS} noun={NOUN} {...props} />;
}
