import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { requireUser } from "~/auth/session.server";
import { EmptyState } from "~/components/EmptyState";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";
import { secondaryButtonClass } from "~/components/Field";
import { FilterBar } from "~/components/FilterBar";
import { PageLinks } from "~/components/PageLinks";
import { decodeReceivablesCursor, listReceivablesAcross } from "~/receivables/across-customers.server";
import type { AcrossEntry } from "~/receivables/components/ReceivablesAcrossList";
import { ReceivablesAcrossList } from "~/receivables/components/ReceivablesAcrossList";
import { ReceivablesTotals } from "~/receivables/components/ReceivablesTotals";
import {
  INVOICE_DISPLAY_STATUS_LABELS,
  isReceivableFilterStatus,
  RECEIVABLE_FILTER_STATUSES,
  type ReceivableFilterStatus,
} from "~/receivables/constants";

export const meta: MetaFunction = () => [{ title: "Receivables · Customers" }];

// Most pressing first; `received` lists payments.
const FILTERS = ["overdue", "partial", "open", "paid", "draft", "void", "received"] as const satisfies readonly ReceivableFilterStatus[];
const FILTER_LABELS: Record<ReceivableFilterStatus, string> = { ...INVOICE_DISPLAY_STATUS_LABELS, received: "Payments received" };
const NOUN = ["receivable", "receivables"] as const;

function hrefFor(status: string | null, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `/receivables?${search}` : "/receivables";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") || null;
  const currency = user.settings.currency;
  // The API answers 400 to an unknown status; the page says so in words, with the filters to pick from.
  if (statusParam !== null && !isReceivableFilterStatus(statusParam)) {
    return json({ badStatus: statusParam, status: null, rows: [], totals: null, nextHref: null, firstHref: null, currency }, { status: 400 });
  }
  const status = statusParam;
  // Like the other lists, a hand-edited cursor falls back to the first page.
  const cursorParam = url.searchParams.get("cursor");
  const cursor = cursorParam ? decodeReceivablesCursor(cursorParam) : null;
  const page = await listReceivablesAcross({ userId: user.id, status: status ?? "unpaid", cursor });
  const rows: AcrossEntry[] = page.receivables.map((row) => ({
    id: row.id,
    customerId: row.customerId,
    customerName: row.customerName,
    type: row.type,
    reference: row.reference,
    date: row.date,
    dueDate: row.dueDate,
    daysOverdue: row.daysOverdue,
    status: row.status,
    displayStatus: row.displayStatus,
    amount: row.amount,
    paid: row.paid,
    balance: row.balance,
  }));
  return json({
    badStatus: null,
    status,
    rows,
    totals: { ...page.summary, overdue: page.overdue },
    nextHref: page.nextCursor ? hrefFor(status, page.nextCursor) : null,
    firstHref: cursor ? hrefFor(status) : null,
    currency,
  });
}

function emptyText(status: ReceivableFilterStatus | null): { title: string; description: string } {
  if (!status) {
    return {
      title: "Nothing is owed to you",
      description: "Sent invoices with a balance appear here, most overdue first, across all your customers.",
    };
  }
  return {
    title: `No ${FILTER_LABELS[status].toLowerCase()} ${status === "received" ? "" : "invoices"}`.trim(),
    description: "Nothing has this status right now. Pick another filter above.",
  };
}

export default function ReceivablesPage() {
  const { badStatus, status, rows, totals, nextHref, firstHref, currency } = useLoaderData<typeof loader>();
  const empty = emptyText(status);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Receivables</h1>
          <p className="text-sm text-slate-600">What your customers owe you: unpaid invoices, most overdue first.</p>
        </div>
        <a href="/receivables.csv" className={secondaryButtonClass}>
          <Icon name="download" className="h-4 w-4" />
          Download CSV
        </a>
      </div>
      {totals ? <ReceivablesTotals totals={totals} currency={currency} /> : null}
      {/* Under an unknown status no entry is the current one ("" matches none). */}
      <FilterBar statuses={FILTERS} labels={FILTER_LABELS} noun={NOUN} allLabel="Unpaid" active={badStatus !== null ? "" : status} hrefFor={hrefFor} />
      {badStatus !== null ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          “{badStatus}” is not a status receivables can be filtered by. Pick one of: {RECEIVABLE_FILTER_STATUSES.map((s) => FILTER_LABELS[s]).join(", ")}.
        </p>
      ) : rows.length === 0 ? (
        <EmptyState
          icon="receipt"
          title={empty.title}
          description={empty.description}
          action={
            <Link to="/customers" className={secondaryButtonClass}>
              Go to customers
            </Link>
          }
        />
      ) : (
        <ReceivablesAcrossList entries={rows} currency={currency} />
      )}
      <PageLinks label="Pages" back={{ href: firstHref, label: "First page" }} forward={{ href: nextHref, label: "Next page", rel: "next" }} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
