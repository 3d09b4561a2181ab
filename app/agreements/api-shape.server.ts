import type { Prisma } from "~/generated/prisma/client";
import type { AgreementRow } from "./agreements.server";

/** An agreement as the JSON API returns it (CONTRACT.md): snake_case, money as strings, dates as YYYY-MM-DD. */
export interface ApiAgreement {
  id: string;
  customer_id: string;
  scope: string;
  type: string;
  start_date: string | null;
  end_date: string | null;
  notice_days: number;
  pricing: Prisma.JsonValue;
  override_status: string | null;
  status: string;
  renewal_of: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  billed: string;
  paid: string;
  outstanding: string;
  created_at: string | null;
  updated_at: string | null;
}

export function toApiAgreement(row: AgreementRow): ApiAgreement {
  return {
    id: row.id,
    customer_id: row.customerId,
    scope: row.scope,
    type: row.type,
    start_date: row.startDate,
    end_date: row.endDate,
    notice_days: row.noticeDays,
    pricing: row.pricing ?? {},
    override_status: row.overrideStatus,
    status: row.status,
    renewal_of: row.renewalOf,
    terminated_on: row.terminatedOn,
    termination_reason: row.terminationReason,
    billed: row.billed,
    paid: row.paid,
    outstanding: row.outstanding,
    created_at: row.createdAt?.toISOString() ?? null,
    updated_at: row.updatedAt?.toISOString() ?? null,
  };
}
