import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { requireUser } from "~/auth/session.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";
import { getCustomer } from "~/customers/customers.server";
import { notFound } from "~/http/responses.server";
import { Statement } from "~/receivables/components/Statement";
import { StatementPeriodForm } from "~/receivables/components/StatementPeriodForm";
import { StatementPrintButton } from "~/receivables/components/StatementPrintButton";
import { readStatementPeriod } from "~/receivables/statement-period";
import { readStatement } from "~/receivables/statement.server";
import { isoDateIn } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data?.statement) return [{ title: "Statement · Customers" }];
  return [{ title: `Statement ${data.statement.period.from} to ${data.statement.period.to} · ${data.statement.customerName} · Customers` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const ref = { userId, customerId: params.id ?? "" };
  const reading = readStatementPeriod(new URL(request.url).searchParams, isoDateIn(settings.timeZone));
  if (!reading.ok) {
    // A bad period on someone else's customer is still their customer: 404 first.
    if (!(await getCustomer(ref))) throw notFound();
    return json({ statement: null, currency: settings.currency, form: { values: reading.values, errors: reading.errors } }, { status: 400 });
  }
  const statement = await readStatement({ ...ref, period: reading.period });
  if (!statement) throw notFound();
  return json({ statement, currency: settings.currency, form: { values: reading.period, errors: {} } });
}

export default function StatementRoute() {
  const { statement, currency, form } = useLoaderData<typeof loader>();
  const base = `/customers/${encodeURIComponent(useParams().id ?? "")}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link to={`${base}/receivables`} className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline">
          <Icon name="arrow-left" className="h-4 w-4" />
          Back to receivables
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <a href={`${base}/receivables.csv`} className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline" download>
            <Icon name="download" className="h-4 w-4" />
            All receivables as CSV
          </a>
          {statement ? <StatementPrintButton /> : null}
        </div>
      </div>
      <StatementPeriodForm values={form.values} errors={form.errors} />
      {statement ? (
        <div data-print-root>
          <Statement statement={statement} currency={currency} />
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
