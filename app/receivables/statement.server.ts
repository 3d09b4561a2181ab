import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { AGING_BUCKETS, type AgingBucket } from "./constants";
import { moneyText } from "./receivables.server";
import type { StatementPeriod } from "./statement-period";

/**
 * A customer's statement of account over a period: the balance brought
 * forward, every sent invoice and received payment dated within the period
 * with the balance after each, the closing balance, and the open invoices'
 * aging as of the period's last day. Drafts and void rows never count.
 *
 * All of it is SQL over NUMERIC: the running balance is a window sum over
 * every counted row up to the period's end, so the first line's balance is
 * the opening balance plus that line, and the last is the closing balance.
 * The aging is the tab's (aging_bucket(), migration receivables) with the
 * period's end as "today", and paid counts only payments dated by then.
 */

export interface StatementLine {
  id: string;
  type: "invoice" | "payment";
  date: string;
  /** Invoices only. */
  dueDate: string | null;
  reference: string | null;
  description: string | null;
  /** The invoice a payment was applied to (its number), if any. */
  invoiceReference: string | null;
  /** As recorded: positive for both types. */
  amount: string;
  /** The customer's balance after this line: what they owe, negative when in credit. */
  balance: string;
}

export interface StatementTotals {
  customerName: string;
  accountName: string;
  opening: string;
  /** Invoiced and received within the period. */
  invoiced: string;
  received: string;
  closing: string;
  /** At the period's end: what is still owed on invoices, and what the customer has in credit; closing = outstanding − credit. */
  outstanding: string;
  credit: string;
  /** The outstanding amount by days past due at the period's end; the buckets add up to it. */
  aging: Record<AgingBucket, string>;
}

export interface Statement extends StatementTotals {
  period: StatementPeriod;
  lines: StatementLine[];
}

/** The rows that count, with their effect on the balance: sent invoices and received payments dated by `to`. */
function countedRows(ref: CustomerRef, to: string): Prisma.Sql {
  return Prisma.sql`SELECT r.id, r.type, r.date, r.due_date, r.reference, r.description, r.created_at, r.amount,
           CASE WHEN r.type = 'invoice' THEN r.amount ELSE -r.amount END AS signed,
           i.reference AS invoice_reference,
           (i.status = 'sent' AND i.date <= ${to}::date) IS TRUE AS applied
      FROM customer_receivables r
      JOIN customers c ON c.id = r.customer_id
      LEFT JOIN customer_receivables i ON i.id = r.linked_invoice_id AND i.customer_id = r.customer_id
     WHERE ${liveCustomer(ref)} AND r.user_id = ${ref.userId}::uuid
       AND ((r.type = 'invoice' AND r.status = 'sent') OR (r.type = 'payment' AND r.status = 'received'))
       AND r.date <= ${to}::date`;
}

/** Sent invoices dated by `to`, each with what was paid on it by then. */
function invoicesAt(ref: CustomerRef, to: string): Prisma.Sql {
  return Prisma.sql`SELECT r.amount, r.due_date, m.paid
      FROM customer_receivables r
      JOIN customers c ON c.id = r.customer_id
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(p.amount), 0) AS paid FROM customer_receivables p
         WHERE p.linked_invoice_id = r.id AND p.status = 'received' AND p.date <= ${to}::date) m
     WHERE ${liveCustomer(ref)} AND r.user_id = ${ref.userId}::uuid
       AND r.type = 'invoice' AND r.status = 'sent' AND r.date <= ${to}::date`;
}

// Same day: invoices before payments, then in the order they were recorded.
const LINE_ORDER = Prisma.sql`date, type = 'payment', created_at, id`;

function selectLines(db: Db, ref: CustomerRef, { from, to }: StatementPeriod): Promise<StatementLine[]> {
  return db.$queryRaw<StatementLine[]>`
    SELECT id, type, date::text AS date, due_date::text AS "dueDate", reference, description,
           CASE WHEN type = 'payment' THEN invoice_reference END AS "invoiceReference",
           amount::text AS amount, ${moneyText(Prisma.sql`running`)} AS balance
      FROM (SELECT rows.*, sum(signed) OVER (ORDER BY ${LINE_ORDER} ROWS UNBOUNDED PRECEDING) AS running
              FROM (${countedRows(ref, to)}) rows) lines
     WHERE date >= ${from}::date
     ORDER BY ${LINE_ORDER}`;
}

async function selectTotals(db: Db, ref: CustomerRef, { from, to }: StatementPeriod): Promise<StatementTotals | null> {
  const buckets = AGING_BUCKETS.map(
    (bucket) => Prisma.sql`${bucket}::text, ${moneyText(Prisma.sql`coalesce(sum(greatest(amount - paid, 0))
        FILTER (WHERE aging_bucket(due_date, ${to}::date) = ${bucket}), 0)`)}`,
  );
  const [row] = await db.$queryRaw<StatementTotals[]>`
    SELECT c.name AS "customerName", u.name AS "accountName",
           ${moneyText(Prisma.sql`s.opening`)} AS opening, ${moneyText(Prisma.sql`s.invoiced`)} AS invoiced,
           ${moneyText(Prisma.sql`s.received`)} AS received, ${moneyText(Prisma.sql`s.closing`)} AS closing,
           ${moneyText(Prisma.sql`a.outstanding`)} AS outstanding,
           ${moneyText(Prisma.sql`s.unapplied + a.overpaid`)} AS credit, a.aging
      FROM customers c
      JOIN users u ON u.id = c.user_id
     CROSS JOIN (SELECT coalesce(sum(signed) FILTER (WHERE date < ${from}::date), 0) AS opening,
                        coalesce(sum(amount) FILTER (WHERE date >= ${from}::date AND type = 'invoice'), 0) AS invoiced,
                        coalesce(sum(amount) FILTER (WHERE date >= ${from}::date AND type = 'payment'), 0) AS received,
                        coalesce(sum(signed), 0) AS closing,
                        -- Not applied to an invoice on this statement: unapplied, or on one dated later.
                        coalesce(sum(amount) FILTER (WHERE type = 'payment' AND NOT applied), 0) AS unapplied
                   FROM (${countedRows(ref, to)}) rows) s
     CROSS JOIN (SELECT coalesce(sum(greatest(amount - paid, 0)), 0) AS outstanding,
                        coalesce(sum(greatest(paid - amount, 0)), 0) AS overpaid,
                        json_build_object(${Prisma.join(buckets)}) AS aging
                   FROM (${invoicesAt(ref, to)}) inv) a
     WHERE ${liveCustomer(ref)}`;
  return row ?? null;
}

/** The statement of the user's live customer over `period`; null when it is not theirs or archived. */
export async function readStatement(ref: CustomerRef & { period: StatementPeriod }): Promise<Statement | null> {
  if (!isCustomerRef(ref)) return null;
  const customer = { userId: ref.userId, customerId: ref.customerId };
  return asUser(ref.userId, async (db) => {
    const totals = await selectTotals(db, customer, ref.period);
    if (!totals) return null;
    return { ...totals, period: ref.period, lines: await selectLines(db, customer, ref.period) };
  });
}
