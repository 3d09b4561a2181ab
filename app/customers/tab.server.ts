import { requireUserId } from "~/auth/session.server";
import { customerNotFound } from "./actions.server";
import { getCustomer } from "./customers.server";

/**
 * The loader shared by the read-only tabs: the rows of one list, or a 404
 * when the customer is not the user's live customer (checked in parallel).
 */
export async function loadCustomerTab<Rows>(
  request: Request,
  params: { id?: string },
  list: (userId: string, customerId: string) => Promise<Rows>,
): Promise<Rows> {
  const userId = await requireUserId(request);
  const id = params.id ?? "";
  const [customer, rows] = await Promise.all([getCustomer(userId, id), list(userId, id)]);
  if (!customer) throw customerNotFound();
  return rows;
}
