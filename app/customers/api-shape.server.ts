import { Prisma } from "~/generated/prisma/client";
import type { CustomerEventRow } from "./events.server";

/**
 * A customer row as the domain functions hand it out, the columns that read
 * it (Prisma `select` and raw SQL alike) and its JSON API shape.
 */

export interface CustomerRow {
  id: string;
  userId: string;
  name: string;
  status: string;
  info: Prisma.JsonValue | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  deletedAt: Date | null;
}

export const customerSelect = {
  id: true,
  userId: true,
  name: true,
  status: true,
  info: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

/** The same columns for raw SQL over `customers c`, named as in CustomerRow. */
export const CUSTOMER_COLUMNS = Prisma.sql`c.id, c.user_id AS "userId", c.name, c.status, c.info,
       c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt"`;

/** A customer as the JSON API returns it (the spec's field names). */
export interface ApiCustomer {
  id: string;
  user_id: string;
  name: string;
  status: string;
  info: Prisma.JsonValue;
  created_at: string | null;
  updated_at: string | null;
  deleted_at?: string | null;
}

export function toApiCustomer(row: CustomerRow, { withDeletedAt = false } = {}): ApiCustomer {
  return {
    id: row.id,
    user_id: row.userId,
    name: row.name,
    status: row.status,
    info: row.info ?? {},
    created_at: row.createdAt?.toISOString() ?? null,
    updated_at: row.updatedAt?.toISOString() ?? null,
    ...(withDeletedAt ? { deleted_at: row.deletedAt?.toISOString() ?? null } : {}),
  };
}

/** An event as the JSON API returns it (the spec's column names). */
export interface ApiEvent {
  id: string;
  customer_id: string;
  event_type: string;
  title: string;
  description: string | null;
  participants: string[];
  metadata: Prisma.JsonValue;
  event_date: string | null;
  created_at: string | null;
}

export function toApiEvent(row: CustomerEventRow): ApiEvent {
  return {
    id: row.id,
    customer_id: row.customerId,
    event_type: row.eventType,
    title: row.title,
    description: row.description,
    participants: row.participants,
    metadata: row.metadata ?? {},
    event_date: row.eventDate?.toISOString() ?? null,
    created_at: row.createdAt?.toISOString() ?? null,
  };
}
