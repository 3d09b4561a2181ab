import { TODAY_FROM } from "~/agreements/agreements.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isUuid } from "~/utils/uuid";
import { AGING_BUCKETS, type AgingBucket, type InvoiceDisplayStatus, type ReceivableFilterStatus, type ReceivableType, type StoredStatus } from "./constants";

/**
 * Reading invoices and payments. Every figure is SQL over NUMERIC and leaves
 * as a two-decimal string: an invoice's paid, balance and display status
 * (invoice_display_status() against app_today(), migration receivables), and
 * a summary's outstanding, credit, net and aging. The tab, the overview's
 * stat, the cross-customer list and the API all select them from here.
 */

/** NUMERIC as the wire's two-decimal string; wide enough for any sum of NUMERIC(12,2). */
export function moneyText(amount: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${amount})::numeric(20,2)::text`;
}

/**
 * What the row `r` has been paid (`m.paid`): its received payments, kept on
 * the invoice's row by the trigger customer_receivables_paid (migration
 * stored_paid, decision 0017); 0 for a payment.
 */
export const PAID_LATERAL = Prisma.sql`LATERAL (SELECT r.paid AS paid) m`;

/**
 * The rows a balance is summed over, as (open, due_date, credit): each sent
 * invoice not yet paid in full (`open`, with its due date; openSetSql), and
 * (creditSetsSql) each received payment applied to no invoice and what each
 * invoice was paid beyond its amount (`credit`). Money paid on an invoice
 * that is not sent (only older rows can hold that) counts whole: it is owed
 * back or to be applied, so outstanding − credit stays invoiced − paid. Each
 * arm reads one of the partial indexes of migration stored_paid, index-only,
 * so a balance costs the rows that carry one, not all of them. `scope` is a
 * condition on `r` alone.
 */
export function openSetSql(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT r.amount - r.paid AS open, r.due_date, 0::numeric AS credit
      FROM customer_receivables r
     WHERE ${scope} AND r.type = 'invoice' AND r.status = 'sent' AND r.paid < r.amount`;
}

export function creditSetsSql(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT 0::numeric AS open, NULL::date AS due_date, r.amount AS credit
      FROM customer_receivables r
     WHERE ${scope} AND r.type = 'payment' AND r.status = 'received' AND r.linked_invoice_id IS NULL
    UNION ALL
    SELECT 0, NULL, r.paid - CASE WHEN r.status = 'sent' THEN r.amount ELSE 0 END
      FROM customer_receivables r
     WHERE ${scope} AND r.type = 'invoice' AND r.paid > CASE WHEN r.status = 'sent' THEN r.amount ELSE 0 END`;
}

function balanceSetsSql(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${openSetSql(scope)} UNION ALL ${creditSetsSql(scope)}`;
}

export interface ReceivableRow {
  id: string;
  customerId: string;
  type: ReceivableType;
  /** As recorded: positive for invoices and payments alike. */
  amount: string;
  /** Its effect on the balance: negative for a payment. */
  signedAmount: string;
  date: string;
  dueDate: string | null;
  status: StoredStatus;
  /** Invoices only (null for a payment), like paid and balance. */
  displayStatus: InvoiceDisplayStatus | null;
  paid: string | null;
  /** amount − paid: negative when overpaid. */
  balance: string | null;
  reference: string | null;
  description: string | null;
  linkedInvoiceId: string | null;
  linkedAgreementId: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** The display status of the row `r` (with PAID_LATERAL and TODAY_FROM): an invoice's, null for a payment. */
export const DISPLAY_STATUS_SQL = Prisma.sql`CASE WHEN r.type = 'invoice'
  THEN invoice_display_status(r.status, r.amount, m.paid, r.due_date, t.today) END`;

/** What a customer's card and overview show of its receivables. */
export interface CustomerBalance {
  /** Owed on its sent invoices, as a decimal string. */
  outstanding: string;
  /** Paid but not applied, or paid beyond an invoice's amount. */
  credit: string;
  /** Whether any sent invoice with a balance is past due (the display status `overdue`). */
  overdue: boolean;
}

/**
 * The customer `c`'s CustomerBalance, as JSON (a scalar subquery). Read per
 * row of the statement that lists `c`, so for a page of cards it looks up
 * those customers' balance rows by (user_id, customer_id), never the account's.
 */
export const CUSTOMER_BALANCE_SQL = Prisma.sql`(SELECT json_build_object(
       'outstanding', ${moneyText(Prisma.sql`coalesce(sum(b.open), 0)`)}, 'credit', ${moneyText(Prisma.sql`coalesce(sum(b.credit), 0)`)},
       'overdue', coalesce(bool_or(b.due_date < t.today), false))
     FROM (${balanceSetsSql(Prisma.sql`r.user_id = c.user_id AND r.customer_id = c.id`)}) b CROSS JOIN ${TODAY_FROM})`;

/** The columns of ReceivableRow over RECEIVABLE_FROM. */
export const RECEIVABLE_COLUMNS = Prisma.sql`r.id, r.customer_id AS "customerId", r.type, r.amount::text AS amount,
       ${moneyText(Prisma.sql`CASE WHEN r.type = 'invoice' THEN r.amount ELSE -r.amount END`)} AS "signedAmount",
       r.date::text AS date, r.due_date::text AS "dueDate", r.status,
       ${DISPLAY_STATUS_SQL} AS "displayStatus",
       CASE WHEN r.type = 'invoice' THEN ${moneyText(Prisma.sql`m.paid`)} END AS paid,
       CASE WHEN r.type = 'invoice' THEN ${moneyText(Prisma.sql`r.amount - m.paid`)} END AS balance,
       r.reference, r.description, r.linked_invoice_id AS "linkedInvoiceId", r.linked_agreement_id AS "linkedAgreementId",
       r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/** Receivables `r` of live customers `c`, each with its paid `m.paid` and the statement's today `t.today`. */
export const RECEIVABLE_FROM = Prisma.sql`customer_receivables r
  JOIN customers c ON c.id = r.customer_id AND c.deleted_at IS NULL
  CROSS JOIN ${TODAY_FROM}
  CROSS JOIN ${PAID_LATERAL}`;

/** `?status=`: an invoice's display status, a payment's stored one. */
export function statusFilterSql(status: ReceivableFilterStatus | undefined): Prisma.Sql {
  if (!status) return Prisma.sql`TRUE`;
  return Prisma.sql`(CASE WHEN r.type = 'invoice' THEN ${DISPLAY_STATUS_SQL} ELSE r.status END) = ${status}`;
}

export interface ReceivableFilter {
  type?: ReceivableType;
  status?: ReceivableFilterStatus;
}

/** The statement of a customer's list (the bench explains it as the app runs it). */
export function receivablesListSql({ type, status, ...ref }: CustomerRef & ReceivableFilter): Prisma.Sql {
  return Prisma.sql`
    SELECT ${RECEIVABLE_COLUMNS}
      FROM ${RECEIVABLE_FROM}
     WHERE ${liveCustomer(ref)} AND r.user_id = ${ref.userId}::uuid
       AND ${type ? Prisma.sql`r.type = ${type}` : Prisma.sql`TRUE`} AND ${statusFilterSql(status)}
     ORDER BY r.date DESC, r.created_at DESC, r.id`;
}

function selectReceivables(db: Db, filter: CustomerRef & ReceivableFilter): Promise<ReceivableRow[]> {
  return db.$queryRaw<ReceivableRow[]>(receivablesListSql(filter));
}

/** The invoices and payments of the user's live customer, newest first. */
export async function listReceivables(ref: CustomerRef & ReceivableFilter): Promise<ReceivableRow[]> {
  if (!isCustomerRef(ref)) return [];
  return asUser(ref.userId, (db) => selectReceivables(db, ref));
}

/** Which receivable of which user. */
export interface ReceivableRef {
  userId: string;
  receivableId: string;
}

export function isReceivableRef(ref: ReceivableRef): boolean {
  return isUuid(ref.userId) && isUuid(ref.receivableId);
}

/** One receivable of the user's, under a live customer; null otherwise. */
export async function readReceivable(db: Db, { userId, receivableId }: ReceivableRef): Promise<ReceivableRow | null> {
  const [row] = await db.$queryRaw<ReceivableRow[]>`
    SELECT ${RECEIVABLE_COLUMNS}
      FROM ${RECEIVABLE_FROM}
     WHERE r.id = ${receivableId}::uuid AND c.user_id = ${userId}::uuid`;
  return row ?? null;
}

export async function getReceivable(ref: ReceivableRef): Promise<ReceivableRow | null> {
  if (!isReceivableRef(ref)) return null;
  return asUser(ref.userId, (db) => readReceivable(db, ref));
}

export interface ReceivablesSummary {
  outstanding: string;
  credit: string;
  /** outstanding − credit: negative when the customer is owed money. */
  net: string;
  /** The part of outstanding past its due date: every aging bucket but `current`. */
  overdue: string;
  /** The outstanding amount by days past due; the buckets add up to it. */
  aging: Record<AgingBucket, string>;
}

type SummaryRow = Omit<ReceivablesSummary, "aging"> & { aging: Record<AgingBucket, string> };

/** The statement of the summary of balance rows (open, due_date, credit), such as customerBalanceSets'. */
export function summarySql(sets: Prisma.Sql): Prisma.Sql {
  const buckets = AGING_BUCKETS.map(
    (bucket) => Prisma.sql`${bucket}::text, ${moneyText(Prisma.sql`coalesce(sum(b.open)
        FILTER (WHERE b.due_date IS NOT NULL AND aging_bucket(b.due_date, t.today) = ${bucket}), 0)`)}`,
  );
  return Prisma.sql`
    SELECT ${moneyText(Prisma.sql`s.outstanding`)} AS outstanding, ${moneyText(Prisma.sql`s.credit`)} AS credit,
           ${moneyText(Prisma.sql`s.outstanding - s.credit`)} AS net, s.aging, ${moneyText(Prisma.sql`s.overdue`)} AS overdue
      FROM (SELECT coalesce(sum(b.open), 0) AS outstanding, coalesce(sum(b.credit), 0) AS credit,
                   coalesce(sum(b.open) FILTER (WHERE b.due_date < t.today), 0) AS overdue,
                   json_build_object(${Prisma.join(buckets)}) AS aging
              FROM (${sets}) b CROSS JOIN ${TODAY_FROM}) s`;
}

/** A customer's balance rows: from all of its receivables, whatever the list's filter; none once it is archived. */
export function customerBalanceSets(customer: CustomerRef): Prisma.Sql {
  return balanceSetsSql(Prisma.sql`r.user_id = ${customer.userId}::uuid
       AND r.customer_id = (SELECT c.id FROM customers c WHERE ${liveCustomer(customer)})`);
}

export async function readSummary(db: Db, sets: Prisma.Sql): Promise<ReceivablesSummary> {
  const [row] = await db.$queryRaw<SummaryRow[]>(summarySql(sets));
  return row!;
}

/** A customer's invoices and payments (filtered) with its summary (never filtered); null unless the user's live customer. */
export async function listReceivablesWithSummary(
  ref: CustomerRef & ReceivableFilter,
): Promise<{ receivables: ReceivableRow[]; summary: ReceivablesSummary } | null> {
  if (!isCustomerRef(ref)) return null;
  const customer = { userId: ref.userId, customerId: ref.customerId };
  return asUser(ref.userId, async (db) => {
    const [live] = await db.$queryRaw<Array<{ id: string }>>`SELECT c.id FROM customers c WHERE ${liveCustomer(customer)}`;
    if (!live) return null;
    const receivables = await selectReceivables(db, ref);
    const summary = await readSummary(db, customerBalanceSets(customer));
    return { receivables, summary };
  });
}
