import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { decodeAcrossCursor, listAgreementsAcrossCustomers } from "~/agreements/across-customers.server";
import { AgreementsAcrossTable } from "~/agreements/components/AgreementsAcrossTable";
import { AGREEMENT_STATUS_LABELS, isAgreementStatus, STATUS_ORDER } from "~/agreements/constants";
import { requireUser } from "~/auth/session.server";
import { EmptyState } from "~/components/EmptyState";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";
import { FilterBar } from "~/components/FilterBar";
import { secondaryButtonClass } from "~/components/Field";
import { PageLinks } from "~/components/PageLinks";

export const meta: MetaFunction = () => [{ title: "Agreements · Customers" }];

const NOUN = ["agreement", "agreements"] as const;

function hrefFor(status: string | null, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `/agreements?${search}` : "/agreements";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  // Like the customer list, a hand-edited URL falls back to the defaults.
  const statusParam = url.searchParams.get("status");
  const status = isAgreementStatus(statusParam) ? statusParam : undefined;
  const cursor = decodeAcrossCursor(url.searchParams.get("cursor"));
  const page = await listAgreementsAcrossCustomers(user.id, { status, cursor });
  return json({
    status: status ?? null,
    rows: page.rows,
    counts: page.counts,
    nextHref: page.nextCursor ? hrefFor(status ?? null, page.nextCursor) : null,
    firstHref: cursor ? hrefFor(status ?? null) : null,
    currency: user.settings.currency,
  });
}

export default function AgreementsPage() {
  const { status, rows, counts, nextHref, firstHref, currency } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Agreements</h1>
        <p className="text-sm text-slate-600">
          Every agreement with your customers: those expiring soon first, then the running ones.
        </p>
      </div>
      <FilterBar statuses={STATUS_ORDER} labels={AGREEMENT_STATUS_LABELS} noun={NOUN} counts={counts} active={status} hrefFor={hrefFor} />
      {rows.length === 0 ? (
        <EmptyState
          icon="file-text"
          title={status ? `No ${AGREEMENT_STATUS_LABELS[status].toLowerCase()} agreements` : "No agreements yet"}
          description={
            status
              ? "Nothing has this status right now. Pick another filter above."
              : "Agreements you record on a customer's Agreements tab appear here, across all your customers."
          }
          action={
            <Link to="/customers" className={secondaryButtonClass}>
              Go to customers
            </Link>
          }
        />
      ) : (
        <AgreementsAcrossTable rows={rows} currency={currency} />
      )}
      <PageLinks label="Pages" back={{ href: firstHref, label: "First page" }} forward={{ href: nextHref, label: "Next page", rel: "next" }} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
