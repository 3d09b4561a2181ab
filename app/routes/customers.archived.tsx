import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { CustomerStatusBadge } from "~/customers/components/CustomerStatusBadge";
import { RestoreForm } from "~/customers/components/RestoreForm";
import { daysLeftToRestore } from "~/customers/components/ArchivedCustomerNotice";
import { EmptyState } from "~/components/EmptyState";
import { listArchived } from "~/customers/archive.server";
import { RESTORE_WINDOW_DAYS } from "~/customers/constants";
import { formatDateIn } from "~/utils/format";
import { BackToCustomers } from "~/components/BackToCustomers";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";

export const meta: MetaFunction = () => [{ title: "Archived customers · Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  return json({ customers: await listArchived(userId), timeZone: settings.timeZone });
}

export default function ArchivedCustomers() {
  const { customers, timeZone } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div>
        <BackToCustomers />
        <h1 className="mt-2 text-2xl font-bold">Archived customers</h1>
        <p className="text-sm text-slate-600">
          Archived customers can be restored for {RESTORE_WINDOW_DAYS} days; after that they are deleted for good.
        </p>
      </div>
      {customers.length === 0 ? (
        <EmptyState icon="archive" title="Nothing archived" description="Customers you archive appear here while they can still be restored." />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {customers.map((customer) => (
            <li key={customer.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
              <div className="min-w-0 space-y-1">
                <p className="font-medium wrap-anywhere">{customer.name}</p>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <CustomerStatusBadge status={customer.status} />
                  <span>
                    Archived {formatDateIn(customer.deletedAt, timeZone)} ·{" "}
                    {daysLeftToRestore(customer.daysLeft)} to restore
                  </span>
                </p>
              </div>
              <RestoreForm id={customer.id} name={customer.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
