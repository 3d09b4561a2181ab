import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { findRestorable } from "~/customers/archive.server";
import type { ArchivedNotice } from "~/customers/components/ArchivedCustomerNotice";
import { getCustomer } from "~/customers/customers.server";
import type { CustomerRef } from "~/customers/ownership.server";
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
