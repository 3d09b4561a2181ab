import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { findRestorable } from "~/customers/archive.server";
import type { ArchivedNotice } from "~/customers/components/ArchivedCustomerNotice";
import { getCustomer } from "~/customers/customers.server";
import type { CustomerRef } from "~/customers/ownership.server";
import { customerHeaderKey, type CustomerHeader } from "~/customers/page.server";
import { requestMemo } from "~/db/scope.server";
import { notFound } from "./responses.server";

/**
 * The 404 of a customer's page. The contract keeps an archived customer a
 * 404, but when it is the user's own and can still be restored, the body
 * says so (the error boundary shows it with a Restore button). Only the
 * user's own archived customers are looked up, so anyone else's id still
 * gets the bare `{ error: "not_found" }`.
 */
export async function customerPageNotFound(ref: CustomerRef, timeZone: string): Promise<Response> {
  const archived = await findRestorable(ref);
  if (!archived) return notFound();
  const notice: ArchivedNotice = {
    id: archived.id,
    name: archived.name,
    archivedAt: archived.deletedAt.toISOString(),
    daysLeft: archived.daysLeft,
    timeZone,
  };
  return json({ error: "not_found", archived: notice }, { status: 404 });
}

/**
 * The loader shared by a customer's tabs: the rows of one list, or a 404
 * when the customer is not the user's live customer (checked in parallel).
 * The layout's loader answers the same request with the archived notice,
 * and its error boundary is the one shown.
 */
export async function loadCustomerTab<Rows>(
  request: Request,
  params: { id?: string },
  list: (ref: CustomerRef) => Promise<Rows>,
): Promise<Rows> {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  const [customer, rows] = await Promise.all([getCustomer(ref), list(ref)]);
  if (!customer) throw notFound();
  return rows;
}

/**
 * The layout's customer, or null unless it is the user's live customer.
 * Remix starts the loaders of a request together, and they all wait for the
 * same session lookup first; the layout's then gives the event loop one turn,
 * by which the tab's loader has sent its statement and shared the customer it
 * brings (customers/page.server.ts). When no tab shares it (a request for the
 * layout alone), the layout reads it itself: one round trip more, never a
 * wrong answer.
 */
export async function customerHeader(ref: CustomerRef): Promise<CustomerHeader | null> {
  await new Promise((resolve) => setImmediate(resolve));
  return requestMemo(customerHeaderKey(ref), async () => {
    const customer = await getCustomer(ref);
    return customer ? { id: customer.id, name: customer.name, status: customer.status } : null;
  });
}

/** A tab's page data for the URL's customer, or the tab's 404. */
export async function loadCustomerTabPage<Data>(
  request: Request,
  params: { id?: string },
  load: (ref: CustomerRef) => Promise<Data | null>,
): Promise<Data> {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  const data = await load(ref);
  if (data === null) throw notFound();
  return data;
}
