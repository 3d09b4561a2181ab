import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  NavLink,
  Outlet,
  useFetcher,
  useLoaderData,
  useLocation,
  useSearchParams,
} from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { useState } from "react";
import { requireUser, requireUserId } from "~/auth/session.server";
import { Dialog, useHydrated } from "~/components/Dialog";
import { dangerButtonClass, secondaryButtonClass } from "~/components/Field";
import { readArchivedNotice } from "~/customers/components/ArchivedCustomerNotice";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";
import { CustomerStatusBadge } from "~/customers/components/CustomerStatusBadge";
import { archiveCustomer, restoreCustomer } from "~/customers/archive.server";
import { CUSTOMER_STATUSES, RESTORE_WINDOW_DAYS, STATUS_LABELS } from "~/customers/constants";
import { updateStatus } from "~/customers/customers.server";
import { StatusFormSchema } from "~/customers/schemas";
import { customerHeader, customerPageNotFound } from "~/http/customer-tab.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { redirectWithToast } from "~/utils/toast.server";
import { BackToCustomers } from "~/components/BackToCustomers";
import { StatusButton } from "~/components/StatusButton";
import { useIsPending } from "~/utils/pending";
import { readFormData } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (data) return [{ title: `${data.customer.name} · Customers` }];
  const archived = isRouteErrorResponse(error) ? readArchivedNotice(error.data) : null;
  return [{ title: archived ? `${archived.name} (archived) · Customers` : "Customer not found · Customers" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const ref = { userId, customerId: params.id ?? "" };
  // Usually brought by the tab's own statement in the same request (customerHeader).
  const customer = await customerHeader(ref);
  if (!customer) throw await customerPageNotFound(ref, settings.timeZone);
  return json({ customer: { id: customer.id, name: customer.name, status: customer.status } });
}

/** Back to the tab the form was on; anything else lands on the overview. */
function backTo(formData: FormData, id: string): string {
  const target = safeRedirect(formData.get("redirectTo"), `/customers/${id}/overview`);
  return target.startsWith(`/customers/${id}/`) ? target.replace(/\?.*$/, "") : `/customers/${id}/overview`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  const id = ref.customerId;
  const formData = await readFormData(request);
  switch (formData.get("intent")) {
    case "status": {
      const submission = parseWithZod(formData, { schema: StatusFormSchema });
      if (submission.status !== "success") {
        return json({ intent: "status", result: submission.reply() }, { status: 400 });
      }
      const customer = await updateStatus({ ...ref, status: submission.value.status });
      if (!customer) throw notFound();
      const label = STATUS_LABELS[submission.value.status];
      return redirectWithToast(
        backTo(formData, id),
        customer.changed ? { kind: "success", message: `Status changed to ${label}.` } : { kind: "info", message: `Status is already ${label}.` },
      );
    }
    case "delete": {
      const customer = await archiveCustomer(ref);
      if (!customer) throw notFound();
      return redirectWithToast("/customers", {
        kind: "success",
        message: `Archived ${customer.name}. You can restore it within ${RESTORE_WINDOW_DAYS} days.`,
      });
    }
    case "restore": {
      const result = await restoreCustomer(ref);
      if (!result.ok && result.reason === "not_found") throw notFound();
      if (!result.ok && result.reason === "already_restored") {
        // A second click or a stale tab: what it asked for is done, so show the customer.
        return redirectWithToast(backTo(formData, id), { kind: "info", message: `${result.customer.name} is already restored.` });
      }
      if (!result.ok) {
        return redirectWithToast("/customers/archived", {
          kind: "error",
          message: `This customer was archived more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`,
        });
      }
      return redirectWithToast(backTo(formData, id), {
        kind: "success",
        message: `Restored ${result.customer.name}.`,
      });
    }
    default:
      return unknownIntent();
  }
}

const tabs = [
  { to: "overview", label: "Overview" },
  { to: "agreements", label: "Agreements" },
  { to: "receivables", label: "Receivables" },
  { to: "projects", label: "Projects" },
] as const;

export function archiveConfirmation(name: string) {
  return `Archive ${name}? This will hide all their agreements, invoices, and projects. You can restore within ${RESTORE_WINDOW_DAYS} days.`;
}

function ArchiveConfirm({ id, name, onCancel }: { id: string; name: string; onCancel?: () => void }) {
  const archiving = useIsPending({ intent: "delete" });
  const location = useLocation();
  return (
    <div className="space-y-4">
      <p id="archive-description" className="wrap-anywhere">
        {archiveConfirmation(name)}
      </p>
      <Form method="post" action={`/customers/${id}`} className="flex flex-wrap gap-2">
        <input type="hidden" name="intent" value="delete" />
        <StatusButton className={dangerButtonClass} pending={archiving} pendingLabel="Archiving…">
          Archive
        </StatusButton>
        {onCancel ? (
          <button type="button" className={secondaryButtonClass} onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <Link to={location.pathname} className={secondaryButtonClass}>
            Cancel
          </Link>
        )}
      </Form>
    </div>
  );
}

function StatusControl({ id, status }: { id: string; status: string }) {
  const fetcher = useFetcher();
  const saving = useIsPending({ intent: "status", fetcher });
  const hydrated = useHydrated();
  const location = useLocation();
  return (
    <fetcher.Form method="post" action={`/customers/${id}`} className="flex items-center gap-2">
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <label htmlFor="customer-status" className="text-sm font-medium text-slate-700">
        Status
      </label>
      <select
        id="customer-status"
        name="status"
        defaultValue={status}
        onChange={(event) => {
          if (hydrated) fetcher.submit(event.currentTarget.form);
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        aria-describedby={saving ? "status-saving" : undefined}
      >
        {CUSTOMER_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      {hydrated ? (
        saving ? (
          <span id="status-saving" className="text-sm text-slate-500">
            Saving…
          </span>
        ) : null
      ) : (
        <button type="submit" className={secondaryButtonClass}>
          Update
        </button>
      )}
    </fetcher.Form>
  );
}

export default function CustomerLayout() {
  const { customer } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const confirmWithoutJs = !hydrated && searchParams.get("archive") === "confirm";

  return (
    <div className="space-y-6">
      <div>
        <BackToCustomers />
      </div>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold wrap-anywhere">{customer.name}</h1>
          <CustomerStatusBadge status={customer.status} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <StatusControl id={customer.id} status={customer.status} key={customer.status} />
          <Link
            to="?archive=confirm"
            className={secondaryButtonClass}
            onClick={(event) => {
              if (!hydrated) return;
              event.preventDefault();
              setConfirming(true);
            }}
          >
            <Icon name="archive" className="h-4 w-4" />
            Archive
          </Link>
        </div>
      </header>

      {confirmWithoutJs || (searchParams.get("archive") === "confirm" && !confirming && hydrated) ? (
        <section role="alertdialog" aria-labelledby="archive-title" aria-describedby="archive-description" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 id="archive-title" className="mb-2 font-semibold">
            Archive customer
          </h2>
          <ArchiveConfirm id={customer.id} name={customer.name} />
        </section>
      ) : null}

      <nav aria-label="Customer sections" className="border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                prefetch="intent"
                className={({ isActive }) =>
                  `block whitespace-nowrap border-b-2 px-4 py-2 text-sm font-medium ${
                    isActive ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"
                  }`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>

      <Outlet />

      {hydrated ? (
        <Dialog title="Archive customer" open={confirming} onClose={() => setConfirming(false)}>
          <ArchiveConfirm id={customer.id} name={customer.name} onCancel={() => setConfirming(false)} />
        </Dialog>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
