import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";

/**
 * Invoices and payments. Money stays NUMERIC in SQL and travels as a
 * two-decimal string; sums and signs are computed in SQL, never in JS.
 */

/** A row's effect on the balance: an invoice adds, a payment subtracts (over the alias `r`). */
const SIGNED_AMOUNT_SQL = Prisma.sql`CASE WHEN r.type = 'invoice' THEN r.amount ELSE -r.amount END`;

/** The customer `c`'s outstanding balance, invoiced minus paid, as a decimal string (a scalar subquery). */
export const OUTSTANDING_BALANCE_SQL = Prisma.sql`(SELECT coalesce(sum(${SIGNED_AMOUNT_SQL}), 0)::numeric(14,2)::text
     FROM customer_receivables r WHERE r.customer_id = c.id)`;

export interface ReceivableListItem {
  id: string;
  type: string;
  /** As recorded: positive for invoices and payments alike. */
  amount: string;
  /** Its effect on the balance: negative for a payment. */
  signedAmount: string;
  date: Date;
  status: string | null;
  description: string | null;
  reference: string | null;
}

/** The invoices and payments of the user's live customer, newest first. */
export async function listReceivables(ref: CustomerRef): Promise<ReceivableListItem[]> {
  if (!isCustomerRef(ref)) return [];
  return asUser(ref.userId, (db) => db.$queryRaw<ReceivableListItem[]>`
    SELECT r.id, r.type, r.amount::text AS amount, (${SIGNED_AMOUNT_SQL})::numeric(14,2)::text AS "signedAmount",
           r.date, r.status, r.description, r.reference
      FROM customer_receivables r
      JOIN customers c ON c.id = r.customer_id
     WHERE ${liveCustomer(ref)}
     ORDER BY r.date DESC, r.id`);
}
