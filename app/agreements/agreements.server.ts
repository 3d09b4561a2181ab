import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { loadCustomerPage } from "~/customers/page.server";
import { jsonRowsSql, type Jsonified } from "~/db/json.server";
import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isUuid } from "~/utils/uuid";
import { RUNNING_STATUSES, type AgreementStatus, type AgreementType } from "./constants";

/**
 * Reading agreements. The computed status is the SQL function
 * agreement_status() (migration agreement_lifecycle) against app_today(), the
 * account's date in its time zone: the tab, the overview's stat, the
 * cross-customer page and the API all select it from here.
 */

/**
 * The account's today as the FROM item `t` (t.today). The OFFSET 0 keeps the
 * planner from pulling app_today() up into every row: as a column, today is
 * computed once per scan and agreement_status() is inlined into plain SQL.
 * Passed app_today() itself (or a sub-select) it is not inlined, and a status
 * costs a function call, with a users lookup, per agreement.
 *
 * Inside, app_today() is a sub-select of its own: an uncorrelated InitPlan,
 * computed once per statement. A correlated subquery (a list card's
 * expiring-soon hint, its balance) rescans `t` for every row it is run for,
 * and a bare app_today() there ran its users lookup each time: 51 times for
 * one page of the list, 5.4 of the expiring hint's 5.4 ms (0.4 ms now).
 */
export const TODAY_FROM = Prisma.sql`(SELECT (SELECT app_today()) AS today OFFSET 0) t`;

/** The statement's today: `t` of TODAY_FROM. */
export const STATEMENT_TODAY = Prisma.sql`t.today`;

/** The status of agreement `a` against `today` (a date expression; TODAY_FROM's by default). */
export function agreementStatusSql(today: Prisma.Sql = STATEMENT_TODAY): Prisma.Sql {
  return Prisma.sql`agreement_status(a.start_date, a.end_date, a.notice_days, a.override_status, ${today})`;
}

const RUNNING = Prisma.join(RUNNING_STATUSES.map((status) => Prisma.sql`${status}`));

/** The customer `c`'s running agreements: active or expiring soon (a scalar subquery). */
export const ACTIVE_AGREEMENTS_SQL = Prisma.sql`(SELECT count(*)::int FROM customer_agreements a CROSS JOIN ${TODAY_FROM}
     WHERE a.user_id = c.user_id AND a.customer_id = c.id AND ${agreementStatusSql()} IN (${RUNNING}))`;

/**
 * Whether any of the customer `c`'s agreements is expiring soon. A scalar
 * subquery, not EXISTS: PostgreSQL may run an EXISTS as one hashed pass over
 * every agreement of the account, which costs the whole table for a page of
 * 25 customers; this looks up each listed customer's agreements by index.
 */
export const EXPIRING_SOON_SQL = Prisma.sql`coalesce((SELECT true FROM customer_agreements a CROSS JOIN ${TODAY_FROM}
     WHERE a.user_id = c.user_id AND a.customer_id = c.id AND ${agreementStatusSql()} = 'expiring_soon' LIMIT 1), false)`;

export interface AgreementRow {
  id: string;
  customerId: string;
  scope: string;
  type: AgreementType;
  startDate: string | null;
  endDate: string | null;
  noticeDays: number;
  pricing: Prisma.JsonValue;
  overrideStatus: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  renewalOf: string | null;
  status: AgreementStatus;
  /** Days from today to the end date (negative once past); null when open-ended. */
  daysLeft: number | null;
  /** Sum of its sent invoices, of the payments applied to them, and the difference (≥ 0). */
  billed: string;
  paid: string;
  outstanding: string;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/**
 * What the agreement `agreementId` (an SQL expression) has billed and been
 * paid, as one row (billed, paid): its sent invoices, and the payments on them
 * that are not void (DOMAIN.md).
 */
export function agreementMoneySql(agreementId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT coalesce(sum(i.amount), 0)::numeric(14,2) AS billed,
           coalesce(sum((SELECT sum(p.amount) FROM customer_receivables p
                          WHERE p.linked_invoice_id = i.id AND p.type = 'payment'
                            AND p.status IS DISTINCT FROM 'void')), 0)::numeric(14,2) AS paid
      FROM customer_receivables i
     WHERE i.linked_agreement_id = ${agreementId} AND i.type = 'invoice' AND i.status = 'sent'`;
}

/** Outstanding from a money row `m`: billed less paid, never below zero, as a decimal string. */
export const OUTSTANDING_SQL = Prisma.sql`greatest(m.billed - m.paid, 0)::numeric(14,2)::text`;

/**
 * The columns of AgreementRow over `a` (its live customer joined as `c`, the
 * statement's today as `t.today`), billed and paid from the receivables linked
 * to it (DOMAIN.md: sent invoices; payments on them that are not void).
 */
export const AGREEMENT_COLUMNS = Prisma.sql`a.id, a.customer_id AS "customerId", a.scope, a.type,
       a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.notice_days AS "noticeDays",
       a.pricing, a.override_status AS "overrideStatus", a.terminated_on::text AS "terminatedOn",
       a.termination_reason AS "terminationReason", a.renewal_of AS "renewalOf",
       ${agreementStatusSql()} AS status,
       (a.end_date - t.today) AS "daysLeft",
       m.billed::text AS billed, m.paid::text AS paid, ${OUTSTANDING_SQL} AS outstanding,
       a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

export const AGREEMENT_FROM = Prisma.sql`customer_agreements a
  JOIN customers c ON c.id = a.customer_id AND c.deleted_at IS NULL
  CROSS JOIN ${TODAY_FROM}
  CROSS JOIN LATERAL (${agreementMoneySql(Prisma.sql`a.id`)}) m`;

const CURRENT = Prisma.join([...RUNNING_STATUSES, "upcoming"].map((status) => Prisma.sql`${status}`));

/** A customer's agreements in the tab's order: running and upcoming first, then by start (needs `t.today`). */
const AGREEMENT_ORDER = Prisma.sql`${agreementStatusSql()} NOT IN (${CURRENT}),
              a.start_date DESC NULLS FIRST, a.created_at DESC, a.id`;

/** The statement of the agreements of the user's live customer. */
export function agreementsListSql(ref: CustomerRef): Prisma.Sql {
  return Prisma.sql`
    SELECT ${AGREEMENT_COLUMNS}
      FROM ${AGREEMENT_FROM}
     WHERE ${liveCustomer(ref)}
     ORDER BY ${AGREEMENT_ORDER}`;
}

/** The agreements a form offers to link to (id and scope), in the tab's order. */
export function agreementChoicesSql(ref: CustomerRef): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a.scope
      FROM customer_agreements a
      JOIN customers c ON c.id = a.customer_id AND c.deleted_at IS NULL
      CROSS JOIN ${TODAY_FROM}
     WHERE ${liveCustomer(ref)} AND a.user_id = ${ref.userId}::uuid
     ORDER BY ${AGREEMENT_ORDER}`;
}

/** An agreement a form offers to link to. */
export interface AgreementChoice {
  id: string;
  scope: string;
}

/** The agreements of the user's live customer: running and upcoming first, then by start. */
export async function listAgreements(ref: CustomerRef): Promise<AgreementRow[]> {
  if (!isCustomerRef(ref)) return [];
  return asUser(ref.userId, (db) => db.$queryRaw<AgreementRow[]>(agreementsListSql(ref)));
}

/** The agreements tab: the customer's agreements in one statement (see loadCustomerPage); null when not found. */
export function loadAgreementsTab(ref: CustomerRef): Promise<{ agreements: Array<Jsonified<AgreementRow>> } | null> {
  return loadCustomerPage<{ agreements: Array<Jsonified<AgreementRow>> }>(ref, { agreements: jsonRowsSql(agreementsListSql(ref)) });
}

/** Which agreement of which user. */
export interface AgreementRef {
  userId: string;
  agreementId: string;
}

export function isAgreementRef(ref: AgreementRef): boolean {
  return isUuid(ref.userId) && isUuid(ref.agreementId);
}

/** One agreement of the user's, under a live customer; null otherwise. */
export async function readAgreement(db: Db, { userId, agreementId }: AgreementRef): Promise<AgreementRow | null> {
  const [row] = await db.$queryRaw<AgreementRow[]>`
    SELECT ${AGREEMENT_COLUMNS}
      FROM ${AGREEMENT_FROM}
     WHERE a.id = ${agreementId}::uuid AND c.user_id = ${userId}::uuid`;
  return row ?? null;
}

export async function getAgreement(ref: AgreementRef): Promise<AgreementRow | null> {
  if (!isAgreementRef(ref)) return null;
  return asUser(ref.userId, (db) => readAgreement(db, ref));
}

/** Whether `agreementId` is the customer's; kept from being deleted until the transaction ends. */
export async function holdAgreement(db: Db, { userId, customerId }: CustomerRef, agreementId: string): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT a.id FROM customer_agreements a
     WHERE a.id = ${agreementId}::uuid AND a.customer_id = ${customerId}::uuid AND a.user_id = ${userId}::uuid
       FOR KEY SHARE`;
  return rows.length > 0;
}
