import type { Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isUuid } from "~/utils/uuid";

/**
 * The one rule for whose data a query may touch: the signed-in user's own,
 * live (not archived) customer. Row-level security enforces the tenant half a
 * second time; "live" is a rule every query applies itself (child tables'
 * policies check only their own user_id, see docs/decisions/0007), so a
 * child-table query joins its customer `c` and applies liveCustomer(). Each spelling
 * below is that rule for one way of querying.
 */

/** Which customer of which user: passed as one object so the ids cannot be swapped. */
export interface CustomerRef {
  userId: string;
  customerId: string;
}

/** Both ids can be ids at all; a malformed one is simply "not found". */
export function isCustomerRef(ref: CustomerRef): boolean {
  return isUuid(ref.userId) && isUuid(ref.customerId);
}

/** All of the user's live customers, over the alias `c`. */
export function liveCustomersOf(userId: string): Prisma.Sql {
  return Prisma.sql`c.user_id = ${userId}::uuid AND c.deleted_at IS NULL`;
}

/** This one live customer of the user, over the alias `c`. */
export function liveCustomer({ userId, customerId }: CustomerRef): Prisma.Sql {
  return Prisma.sql`c.id = ${customerId}::uuid AND ${liveCustomersOf(userId)}`;
}

/** The same for Prisma's query builder. */
export function liveCustomerWhere({ userId, customerId }: CustomerRef) {
  return { id: customerId, userId, deletedAt: null };
}

/** Whether the customer is the user's and live: tells "no such customer" from "no such row under it". */
export async function ownsLiveCustomer(db: Db, ref: CustomerRef): Promise<boolean> {
  return (await db.customer.count({ where: liveCustomerWhere(ref) })) > 0;
}
