import { requireUserId } from "~/auth/session.server";
import { getCustomer } from "~/customers/customers.server";
import type { CustomerRef } from "~/customers/ownership.server";
import { notFound } from "./responses.server";

/**
 * The loader shared by a customer's tabs: the rows of one list, or a 404
 * when the customer is not the user's live customer (checked in parallel).
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
