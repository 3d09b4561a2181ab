import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Icon } from "~/components/icons/Icon";
import { lazy, Suspense, useMemo, useState } from "react";
import { requireUser } from "~/auth/session.server";
import { Dialog, useHydrated } from "~/components/Dialog";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/Field";
import { PageLinks } from "~/components/PageLinks";
import { createCustomerAction } from "~/http/create-customer.server";
import { CustomerCard, toCardData } from "~/customers/components/CustomerCard";
import { EmptyState } from "~/components/EmptyState";
import { StatusFilterBar } from "~/customers/components/StatusFilterBar";
import { listCustomers } from "~/customers/list.server";
import { listHref } from "~/customers/list-href";
import { PAGE_SIZE, readListView } from "~/customers/list-params.server";
import { SORT_LABELS, SORTS, STATUS_LABELS, type CustomerStatus } from "~/customers/constants";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";

// The dialog's form brings Conform and Zod: loaded when the dialog is about to
// open rather than with the list, it keeps the list page's JavaScript small.
// Without JavaScript, "New customer" is a link to /customers/new.
const loadNewCustomerForm = () => import("~/customers/components/NewCustomerForm");
const NewCustomerForm = lazy(() => loadNewCustomerForm().then((module) => ({ default: module.NewCustomerForm })));
function preloadNewCustomerForm() {
  void loadNewCustomerForm();
}

export const meta: MetaFunction = () => [{ title: "Customers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const view = readListView(new URL(request.url).searchParams);
  const page = await listCustomers(userId, { ...view, limit: PAGE_SIZE }, { counts: true });
  return json({
    view: { status: view.status ?? null, q: view.q ?? "", sort: view.sort },
    // What a card shows, and no more: this JSON is in every list document and every client-side visit.
    customers: page.items.map(toCardData),
    nextHref: page.nextCursor ? listHref({ ...view, cursor: page.nextCursor }) : null,
    prevHref: page.prevCursor ? listHref({ ...view, cursor: page.prevCursor }) : null,
    counts: page.counts,
    now: new Date().toISOString(),
    timeZone: settings.timeZone,
    currency: settings.currency,
  });
}

export const action = createCustomerAction;

export default function CustomersPage() {
  const { view, customers, nextHref, prevHref, counts, now, timeZone, currency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const navigate = useNavigate();
  const hydrated = useHydrated();
  const nowDate = useMemo(() => new Date(now), [now]);
  // The dialog is open while the user wants it, or when its submission failed.
  const failedCreate = actionData && "intent" in actionData && actionData.intent === "create" ? actionData.result : null;
  const [dialogOpen, setDialogOpen] = useState(false);
  const showDialog = hydrated && (dialogOpen || Boolean(failedCreate));

  const filtered = Boolean(view.status || view.q);
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/customers";

  const hrefFor = (status: string | null) => listHref({ status, q: view.q, sort: view.sort });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <h1 className="text-2xl font-bold">Customers</h1>
        </div>
        <div className="flex gap-2">
          <Link to="/customers/archived" className={secondaryButtonClass}>
            <Icon name="archive" className="h-4 w-4" />
            Archived
          </Link>
          <Link
            to="/customers/new"
            className={primaryButtonClass}
            onPointerEnter={preloadNewCustomerForm}
            onFocus={preloadNewCustomerForm}
            onClick={(event) => {
              if (!hydrated) return;
              event.preventDefault();
              setDialogOpen(true);
            }}
          >
            <Icon name="plus" className="h-4 w-4" />
            New customer
          </Link>
        </div>
      </div>

      <StatusFilterBar counts={counts} active={view.status} hrefFor={hrefFor} />

      <Form method="get" action="/customers" role="search" className="flex flex-wrap items-end gap-3" key={`${view.q}|${view.sort}|${view.status}`}>
        {view.status ? <input type="hidden" name="status" value={view.status} /> : null}
        <div className="min-w-48 flex-1">
          <label htmlFor="customer-search" className="block text-sm font-medium text-slate-800">
            Search by name
          </label>
          <div className="relative mt-1">
            <Icon name="search" className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-400" />
            <input
              id="customer-search"
              type="search"
              name="q"
              defaultValue={view.q}
              maxLength={100}
              placeholder="Search customers"
              className={`${inputClass} pl-9`}
            />
          </div>
        </div>
        <div>
          <label htmlFor="customer-sort" className="block text-sm font-medium text-slate-800">
            Sort by
          </label>
          <select
            id="customer-sort"
            name="sort"
            defaultValue={view.sort}
            className={`${inputClass} mt-1`}
            onChange={(event) => submit(event.currentTarget.form)}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Apply
        </button>
      </Form>

      <section aria-labelledby="results-heading" aria-busy={loading} className={loading ? "opacity-60 transition-opacity" : undefined}>
        <h2 id="results-heading" className="sr-only">
          {view.status ? `${STATUS_LABELS[view.status as CustomerStatus]} customers` : "All customers"}
        </h2>
        {customers.length === 0 ? (
          counts.all === 0 && !filtered && !searchParams.get("cursor") ? (
            <EmptyState
              icon="users"
              title="No customers yet"
              description="Add your first customer to start tracking your pipeline, their team and every interaction."
              action={
                <Link to="/customers/new" className={primaryButtonClass} onPointerEnter={preloadNewCustomerForm} onFocus={preloadNewCustomerForm} onClick={(event) => {
                  if (!hydrated) return;
                  event.preventDefault();
                  setDialogOpen(true);
                }}>
                  <Icon name="plus" className="h-4 w-4" />
                  New customer
                </Link>
              }
            />
          ) : (
            <EmptyState
              icon="search"
              title="No customers match"
              description={view.q ? `Nothing matches “${view.q}”${view.status ? ` with status ${STATUS_LABELS[view.status as CustomerStatus]}` : ""}.` : "No customers have this status."}
              action={
                <Link to="/customers" className={secondaryButtonClass}>
                  Clear filters
                </Link>
              }
            />
          )
        ) : (
          <ul className="space-y-3">
            {customers.map((customer) => (
              <li key={customer.id}>
                <CustomerCard customer={customer} now={nowDate} timeZone={timeZone} currency={currency} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <PageLinks
        label="Pagination"
        back={{ href: prevHref, label: "← Previous", rel: "prev" }}
        forward={{ href: nextHref, label: "Next →", rel: "next" }}
      />

      {hydrated ? (
        <Dialog
          title="New customer"
          open={showDialog}
          onClose={() => {
            setDialogOpen(false);
            // Drop a failed submission's errors so the dialog can close.
            if (failedCreate) navigate(".", { replace: true, preventScrollReset: true });
          }}
        >
          <Suspense fallback={<p className="text-sm text-slate-600">Loading the form…</p>}>
            <NewCustomerForm action="/customers?index" lastResult={failedCreate} />
          </Suspense>
        </Dialog>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
