import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { INTERACTION_EVENT_TYPES, STATUS_LABELS, type CustomerStatus } from "./constants";
import { encodeEventCursor, type EventCursor } from "./cursor.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "./ownership.server";
import type { EventInput } from "./schemas";

/** A customer's timeline: the events a user records and those the app records for them. */

/** An event as the timeline shows it. */
export interface CustomerEventItem {
  id: string;
  eventType: string;
  title: string;
  description: string | null;
  participants: string[];
  eventDate: Date | null;
}

/** The whole event, as the API answers it. */
export interface CustomerEventRow extends CustomerEventItem {
  customerId: string;
  metadata: Prisma.JsonValue | null;
  createdAt: Date | null;
}

export interface EventsPage {
  events: CustomerEventRow[];
  /** Where the older events start; null on the oldest page. */
  nextCursor: string | null;
}

/** How many events a page of the overview's timeline shows. */
export const EVENTS_PER_PAGE = 100;

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

/** An event a feature's change writes to its customer's timeline, inside the transaction that made the change. */
export async function recordEvent(db: Db, row: { customerId: string }, userId: string, title: string, metadata: Prisma.InputJsonObject) {
  await db.customerEvent.create({
    data: { userId, customerId: row.customerId, eventType: "update", title, metadata },
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

// The spec leaves event_date nullable (the app always sets it): an undated
// event sorts as -infinity, last in newest-first order, and a cursor can carry that.
const EVENT_KEY = Prisma.sql`coalesce(e.event_date, '-infinity'::timestamptz)`;

/**
 * A page of the customer `c`'s timeline as a JSON array (a scalar subquery),
 * newest first: by date, then id, so that events sharing a date page neither
 * twice nor never. It holds one event more than `limit`, telling
 * toEventsPage whether older ones exist. Each carries its key as text, which
 * keeps the microseconds a JS Date would drop.
 */
export function eventsPageSql({ cursor, limit }: { cursor: EventCursor | null; limit: number }): Prisma.Sql {
  const older = cursor
    ? Prisma.sql`AND (${EVENT_KEY}, e.id) < (${cursor.key[0]}::timestamptz, ${cursor.key[1]}::uuid)`
    : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object(
           'id', e.id, 'customerId', e.customer_id, 'eventType', e.event_type, 'title', e.title,
           'description', e.description, 'participants', coalesce(e.participants, '{}'),
           'metadata', e.metadata, 'eventDate', e.event_date, 'createdAt', e.created_at, 'key', e.sort_key::text)
         ORDER BY e.sort_key DESC, e.id DESC), '[]'::json)
    FROM (SELECT e.*, ${EVENT_KEY} AS sort_key FROM customer_events e
           WHERE e.user_id = c.user_id AND e.customer_id = c.id ${older}
           ORDER BY ${EVENT_KEY} DESC, e.id DESC LIMIT ${limit + 1}) e)`;
}

/** An event as eventsPageSql returns it, its dates still JSON strings. */
export interface EventJson extends Omit<CustomerEventRow, "eventDate" | "createdAt"> {
  eventDate: string | null;
  createdAt: string | null;
  key: string;
}

function fromEventJson({ key: _key, eventDate, createdAt, ...event }: EventJson): CustomerEventRow {
  return { ...event, eventDate: eventDate ? new Date(eventDate) : null, createdAt: createdAt ? new Date(createdAt) : null };
}

/** The rows eventsPageSql returned, as a page of at most `limit` events. */
export function toEventsPage(rows: EventJson[], limit: number): EventsPage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map(fromEventJson),
    nextCursor: rows.length > limit && last ? encodeEventCursor({ key: [last.key, last.id] }) : null,
  };
}

/** What the timeline shows of an event, and no more reaches the page. */
export function toTimelineItem({ id, eventType, title, description, participants, eventDate }: CustomerEventRow): CustomerEventItem {
  return { id, eventType, title, description, participants, eventDate };
}

/** A page of the user's own, live customer's timeline; null when there is no such customer. */
export async function listEvents({
  cursor,
  limit,
  ...ref
}: CustomerRef & { cursor: EventCursor | null; limit: number }): Promise<EventsPage | null> {
  if (!isCustomerRef(ref)) return null;
  const [row] = await asUser(ref.userId, (db) => db.$queryRaw<Array<{ events: EventJson[] }>>`
    SELECT ${eventsPageSql({ cursor, limit })} AS events FROM customers c WHERE ${liveCustomer(ref)}`);
  return row ? toEventsPage(row.events, limit) : null;
}
