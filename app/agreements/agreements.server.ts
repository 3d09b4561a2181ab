import { asUser } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import type { AgreementStatus } from "./status";

/**
 * An agreement's computed status as SQL over the alias `a`, against `today`
 * (a date expression). The one place the rule lives: the tab, the overview's
 * quick stat and every later page select it rather than recompute it.
 * An override wins; otherwise the dates decide, open ends counting as open.
 */
export function agreementStatusSql(today: Prisma.Sql = Prisma.sql`CURRENT_DATE`): Prisma.Sql {
  return Prisma.sql`CASE
      WHEN a.override_status = 'terminated' THEN 'terminated'
      WHEN a.override_status IS NOT NULL THEN 'suspended'
      WHEN a.start_date > ${today} THEN 'upcoming'
      WHEN a.end_date < ${today} THEN 'ended'
      ELSE 'active' END`;
}

/** The customer `c`'s active agreements (a scalar subquery for the overview). */
export const ACTIVE_AGREEMENTS_SQL = Prisma.sql`(SELECT count(*)::int FROM customer_agreements a
     WHERE a.customer_id = c.id AND ${agreementStatusSql()} = 'active')`;

export interface AgreementListItem {
  id: string;
  scope: string;
  type: string;
  startDate: Date | null;
  endDate: Date | null;
  pricing: Prisma.JsonValue | null;
  status: AgreementStatus;
}

/** The agreements of the user's live customer, newest start first. */
export async function listAgreements(ref: CustomerRef): Promise<AgreementListItem[]> {
  if (!isCustomerRef(ref)) return [];
  return asUser(ref.userId, (db) => db.$queryRaw<AgreementListItem[]>`
    SELECT a.id, a.scope, a.type, a.start_date AS "startDate", a.end_date AS "endDate", a.pricing,
           ${agreementStatusSql()} AS status
      FROM customer_agreements a
      JOIN customers c ON c.id = a.customer_id
     WHERE ${liveCustomer(ref)}
     ORDER BY a.start_date DESC NULLS FIRST, a.id`);
}
