import { ACTIVE_AGREEMENTS_SQL } from "~/agreements/agreements.server";
import { asUser } from "~/db/scope.server";
import { ACTIVE_PROJECTS_SQL } from "~/projects/projects.server";
import { CUSTOMER_BALANCE_SQL, type CustomerBalance } from "~/receivables/receivables.server";
import { CUSTOMER_COLUMNS, type CustomerRow } from "./api-shape.server";
import type { EventCursor } from "./cursor.server";
import {
  EVENTS_PER_PAGE,
  eventsPageSql,
  LAST_INTERACTION_SQL,
  toEventsPage,
  toTimelineItem,
  type CustomerEventItem,
  type EventJson,
} from "./events.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "./ownership.server";

/**
 * The customer's overview page in one round trip: the customer, one quick stat
 * from each feature (each feature owns its stat's SQL) and a page of the
 * timeline: the newest events, or those older than `eventsCursor`.
 */

export interface QuickStats {
  activeAgreements: number;
  /** Owed on sent invoices, as an exact decimal string. */
  outstandingBalance: string;
  /** Shown beside the outstanding balance when not zero. */
  credit: string;
  activeProjects: number;
  lastInteractionAt: Date | null;
}

export interface Overview {
  customer: CustomerRow;
  stats: QuickStats;
  events: CustomerEventItem[];
  /** Where the next, older page of the timeline starts; null on its oldest page. */
  olderEventsCursor: string | null;
}

export async function getOverview({
  eventsCursor = null,
  ...ref
}: CustomerRef & { eventsCursor?: EventCursor | null }): Promise<Overview | null> {
  if (!isCustomerRef(ref)) return null;
  type Row = CustomerRow & Omit<QuickStats, "outstandingBalance" | "credit"> & { balance: CustomerBalance; events: EventJson[] };
  const [row] = await asUser(ref.userId, (db) => db.$queryRaw<Row[]>`
    SELECT ${CUSTOMER_COLUMNS},
           ${ACTIVE_AGREEMENTS_SQL} AS "activeAgreements",
           ${CUSTOMER_BALANCE_SQL} AS balance,
           ${ACTIVE_PROJECTS_SQL} AS "activeProjects",
           ${LAST_INTERACTION_SQL} AS "lastInteractionAt",
           ${eventsPageSql({ cursor: eventsCursor, limit: EVENTS_PER_PAGE })} AS events
      FROM customers c
     WHERE ${liveCustomer(ref)}`);
  if (!row) return null;
  const { activeAgreements, balance, activeProjects, lastInteractionAt, events, ...customer } = row;
  const timeline = toEventsPage(events, EVENTS_PER_PAGE);
  return {
    customer,
    stats: { activeAgreements, outstandingBalance: balance.outstanding, credit: balance.credit, activeProjects, lastInteractionAt },
    events: timeline.events.map(toTimelineItem),
    olderEventsCursor: timeline.nextCursor,
  };
}
