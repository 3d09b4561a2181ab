import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { INTERACTION_EVENT_TYPES, STATUS_LABELS, type CustomerStatus } from "./constants";
import { isCustomerRef, liveCustomer, type CustomerRef } from "./ownership.server";
import type { EventInput } from "./schemas";

/** A customer's timeline: the events a user records and those the app records for them. */

export interface CustomerEventItem {
  id: string;
  eventType: string;
  title: string;
  description: string | null;
  participants: string[];
  eventDate: Date | null;
}

/** How many of the newest events the overview shows. */
export const EVENTS_SHOWN = 100;

/** Adds an event to the user's own, live customer; false when there is none. */
export async function addEvent({ event, ...ref }: CustomerRef & { event: EventInput }): Promise<boolean> {
  if (!isCustomerRef(ref)) return false;
  const inserted = await asUser(ref.userId, (db) => db.$executeRaw`
    INSERT INTO customer_events (user_id, customer_id, event_type, title, description, participants, event_date)
    SELECT c.user_id, c.id, ${event.eventType}, ${event.title}, ${event.description ?? null},
           ${event.participants}::text[], coalesce(${event.eventDate ?? null}::timestamptz, now())
      FROM customers c
     WHERE ${liveCustomer(ref)}`);
  return inserted > 0;
}

export function statusChangeTitle(from: string, to: string): string {
  const label = (status: string) => STATUS_LABELS[status as CustomerStatus] ?? status;
  return `Status changed from ${label(from)} to ${label(to)}`;
}

/** The "Status changed from … to …" event, inside the transaction that changed it. */
export async function recordStatusChange(db: Db, { userId, customerId }: CustomerRef, change: { from: string; to: string }) {
  await db.customerEvent.create({
    data: {
      userId,
      customerId,
      eventType: "status_change",
      title: statusChangeTitle(change.from, change.to),
      metadata: change,
    },
  });
}

/**
 * The customer `c`'s last interaction (a scalar subquery, read by the list's
 * cards and the overview's stats alike): the newest interaction that has
 * happened — a planned meeting is not one yet. The (user_id, customer_id) and
 * (customer_id, event_date DESC) indexes both serve it. bench/list-query.ts
 * replicates it: keep the two in step.
 */
export const LAST_INTERACTION_SQL = Prisma.sql`(SELECT max(e.event_date) FROM customer_events e
     WHERE e.user_id = c.user_id AND e.customer_id = c.id
       AND e.event_type IN (${Prisma.join([...INTERACTION_EVENT_TYPES])}) AND e.event_date <= now())`;

/** The customer `c`'s newest events as a JSON array, newest first (a scalar subquery). */
export const LATEST_EVENTS_SQL = Prisma.sql`(SELECT coalesce(json_agg(json_build_object(
           'id', e.id, 'eventType', e.event_type, 'title', e.title, 'description', e.description,
           'participants', coalesce(e.participants, '{}'), 'eventDate', e.event_date)
         ORDER BY e.event_date DESC, e.created_at DESC, e.id DESC), '[]'::json)
    FROM (SELECT * FROM customer_events e WHERE e.customer_id = c.id
           ORDER BY e.event_date DESC, e.created_at DESC, e.id DESC LIMIT ${EVENTS_SHOWN}) e)`;

/** An event as LATEST_EVENTS_SQL returns it, its date still a JSON string. */
export interface EventJson extends Omit<CustomerEventItem, "eventDate"> {
  eventDate: string | null;
}

export function fromEventJson(event: EventJson): CustomerEventItem {
  return { ...event, eventDate: event.eventDate ? new Date(event.eventDate) : null };
}
