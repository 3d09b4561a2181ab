import { asUser, requestMemo } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isCustomerRef, liveCustomer, type CustomerRef } from "./ownership.server";

/**
 * A customer's page in one statement. The layout (customers.$id) shows the
 * customer's header above every tab, and each tab reads its own data; on a
 * document request both loaders run in the same request, so the tab's
 * statement brings the header too and hands it to the layout through the
 * request's memo: BEGIN, the session lookup, this statement, COMMIT.
 */

/** What the layout shows of its customer above every tab. */
export interface CustomerHeader {
  id: string;
  name: string;
  status: string;
}

/** The request memo's key of a customer's header (see requestMemo). */
export function customerHeaderKey({ userId, customerId }: CustomerRef): string {
  return `customer-header:${userId}:${customerId}`;
}

/**
 * Hands the layout its customer from a statement a tab makes anyway (the
 * tab's page statement, the overview's). Null when not the user's live customer.
 */
export function shareCustomerHeader(ref: CustomerRef, header: Promise<CustomerHeader | null>): void {
  // Nobody may read it (a client-side navigation runs the tab's loader
  // alone); a failure is the tab's to report.
  header.catch(() => undefined);
  void requestMemo(customerHeaderKey(ref), () => header);
}

// Column names come from the code (the parts' keys), never from a request.
const PART_NAME = /^[A-Za-z]+$/;

/**
 * One customer tab's data in one statement: each of `parts` (a scalar
 * subquery that may read the live customer `c`, e.g. jsonRowsSql of a list)
 * as a column of a single row, and no row (null) unless the customer is the
 * user's live customer. Shares the customer's header with the layout. Send
 * it before awaiting anything else, so the layout finds the header shared.
 */
export async function loadCustomerPage<Data extends Record<string, unknown>>(
  ref: CustomerRef,
  parts: { [Key in keyof Data]: Prisma.Sql },
): Promise<Data | null> {
  if (!isCustomerRef(ref)) return null;
  const columns = Object.entries<Prisma.Sql>(parts).map(([name, sql]) => {
    if (!PART_NAME.test(name)) throw new Error(`Not a column name: ${name}`);
    return Prisma.sql`${sql} AS ${Prisma.raw(`"${name}"`)}`;
  });
  const row = asUser(ref.userId, (db) =>
    db.$queryRaw<Array<Data & { customerHeader: CustomerHeader }>>`
      SELECT json_build_object('id', c.id, 'name', c.name, 'status', c.status) AS "customerHeader", ${Prisma.join(columns)}
        FROM customers c
       WHERE ${liveCustomer(ref)}`,
  ).then(([found]) => found ?? null);
  shareCustomerHeader(ref, row.then((found) => found?.customerHeader ?? null));
  return row;
}
