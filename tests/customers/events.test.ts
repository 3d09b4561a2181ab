import { randomUUID } from "node:crypto";
import { archiveCustomer } from "~/customers/archive.server";
import { createCustomer } from "~/customers/customers.server";
import { decodeEventCursor, encodeCursor } from "~/customers/cursor.server";
import { listEvents, type EventsPage } from "~/customers/events.server";
import { getOverview } from "~/customers/overview.server";
import { ownerPrisma as prisma } from "../setup/owner";
import { newUserId, sql } from "../support/db";

/**
 * The timeline in keyset pages, newest first: by event date (an undated event
 * last), then by id, so that events sharing a date — to the microsecond —
 * are neither skipped nor repeated across pages.
 */

let userId: string;
let otherUserId: string;

beforeAll(async () => {
  userId = await newUserId("Timeline");
  otherUserId = await newUserId("Other");
});

/** Inserts events with exact timestamps (text, so microseconds survive); returns their ids in insertion order. */
async function insertEventsAt(customer: { id: string }, dates: Array<string | null>): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, date] of dates.entries()) {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO customer_events (user_id, customer_id, event_type, title, event_date)
       VALUES ($1, $2, 'note', $3, $4::timestamptz) RETURNING id::text AS id`,
      [userId, customer.id, `Event ${index}`, date],
    );
    ids.push(row!.id);
  }
  return ids;
}

/** Follows the cursor from the first page until there is none; returns every page. */
async function walk(customerId: string, limit: number): Promise<Array<EventsPage>> {
  const pages: EventsPage[] = [];
  let cursor: string | null = null;
  do {
    const decoded = cursor ? decodeEventCursor(cursor) : null;
    if (cursor) expect(decoded).not.toBeNull();
    const page = await listEvents({ userId, customerId, cursor: decoded, limit });
    expect(page).not.toBeNull();
    pages.push(page!);
    cursor = page!.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return pages;
}

/** The order the timeline promises: date descending (undated last), then id descending. */
async function expectedOrder(customerId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `SELECT id::text AS id FROM customer_events WHERE customer_id = $1
      ORDER BY event_date DESC NULLS LAST, id DESC`,
    [customerId],
  );
  return rows.map((row) => row.id);
}

describe("listEvents pages the timeline", () => {
  it.each([1, 2, 3, 7, 50])("pages of %i: every event once, newest first, ties and microseconds included", async (limit) => {
    const customer = await createCustomer(userId, { name: `Paged ${limit}` });
    await insertEventsAt(customer, [
      "2026-03-01 10:00:00.000001+00",
      "2026-03-01 10:00:00.000002+00",
      "2026-03-01 10:00:00+00",
      "2026-03-01 10:00:00+00",
      "2026-03-01 10:00:00+00",
      null,
      null,
      "2030-01-01 00:00:00+00",
      "2001-01-01 00:00:00+00",
      "2026-02-28 23:59:59.999999+00",
    ]);
    const pages = await walk(customer.id, limit);
    const seen = pages.flatMap((page) => page.events.map((event) => event.id));
    expect(seen).toEqual(await expectedOrder(customer.id));
    expect(pages.slice(0, -1).every((page) => page.events.length === limit)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it("the last full page has no next cursor", async () => {
    const customer = await createCustomer(userId, { name: "Exactly Two" });
    await insertEventsAt(customer, ["2026-01-01 00:00:00+00", "2026-01-02 00:00:00+00"]);
    const page = await listEvents({ userId, customerId: customer.id, cursor: null, limit: 2 });
    expect(page!.events).toHaveLength(2);
    expect(page!.nextCursor).toBeNull();
  });

  it("carries what the API shows: type, title, description, participants, metadata, dates", async () => {
    const customer = await createCustomer(userId, { name: "Full Row Co" });
    await prisma().customerEvent.create({
      data: {
        userId,
        customerId: customer.id,
        eventType: "meeting",
        title: "Kick-off",
        description: "Scope agreed",
        participants: ["Ann", "Bob"],
        metadata: { room: "4B" },
        eventDate: new Date("2026-05-01T09:30:00.000Z"),
      },
    });
    const page = await listEvents({ userId, customerId: customer.id, cursor: null, limit: 10 });
    expect(page!.events).toEqual([
      {
        id: expect.any(String),
        customerId: customer.id,
        eventType: "meeting",
        title: "Kick-off",
        description: "Scope agreed",
        participants: ["Ann", "Bob"],
        metadata: { room: "4B" },
        eventDate: new Date("2026-05-01T09:30:00.000Z"),
        createdAt: expect.any(Date),
      },
    ]);
  });

  it("shows only this customer's events", async () => {
    const mine = await createCustomer(userId, { name: "Mine Co" });
    const neighbour = await createCustomer(userId, { name: "Neighbour Co" });
    const [own] = await insertEventsAt(mine, ["2026-01-01 00:00:00+00"]);
    await insertEventsAt(neighbour, ["2026-01-02 00:00:00+00"]);
    const page = await listEvents({ userId, customerId: mine.id, cursor: null, limit: 10 });
    expect(page!.events.map((event) => event.id)).toEqual([own]);
  });

  it("is null for another user's, an archived, a missing or a malformed customer", async () => {
    const customer = await createCustomer(userId, { name: "Private Timeline Co" });
    await insertEventsAt(customer, ["2026-01-01 00:00:00+00"]);
    expect(await listEvents({ userId: otherUserId, customerId: customer.id, cursor: null, limit: 10 })).toBeNull();
    expect(await listEvents({ userId, customerId: randomUUID(), cursor: null, limit: 10 })).toBeNull();
    expect(await listEvents({ userId, customerId: "not-a-uuid", cursor: null, limit: 10 })).toBeNull();
    await archiveCustomer({ userId, customerId: customer.id });
    expect(await listEvents({ userId, customerId: customer.id, cursor: null, limit: 10 })).toBeNull();
  });
});

describe("the overview's timeline", () => {
  it("shows the newest page and a cursor to the older events", async () => {
    const customer = await createCustomer(userId, { name: "Long History Co" });
    const start = Date.UTC(2025, 0, 1);
    await prisma().customerEvent.createMany({
      data: Array.from({ length: 105 }, (_, index) => ({
        userId,
        customerId: customer.id,
        eventType: "call",
        title: `Call ${index}`,
        eventDate: new Date(start + index * 60_000),
      })),
    });
    const first = await getOverview({ userId, customerId: customer.id });
    expect(first!.events).toHaveLength(100);
    expect(first!.events[0]!.title).toBe("Call 104");
    expect(first!.events.at(-1)!.title).toBe("Call 5");
    expect(first!.olderEventsCursor).toEqual(expect.any(String));

    const older = await getOverview({ userId, customerId: customer.id, eventsCursor: decodeEventCursor(first!.olderEventsCursor!) });
    expect(older!.events.map((event) => event.title)).toEqual(["Call 4", "Call 3", "Call 2", "Call 1", "Call 0"]);
    expect(older!.olderEventsCursor).toBeNull();
    // The stats do not depend on the page of the timeline.
    expect(older!.stats).toEqual(first!.stats);
  });
});

describe("event cursors", () => {
  it("decode only what encodes an event key", () => {
    const cursorOf = (payload: unknown[]) => Buffer.from(JSON.stringify(payload)).toString("base64url");
    const id = randomUUID();
    expect(decodeEventCursor(cursorOf(["events", "2026-01-01 00:00:00.123456+00", id]))).toEqual({ key: ["2026-01-01 00:00:00.123456+00", id] });
    expect(decodeEventCursor(cursorOf(["events", "-infinity", id]))).toEqual({ key: ["-infinity", id] });
    for (const bad of [
      "not-a-cursor",
      "A".repeat(3000),
      cursorOf(["events", "2026-02-31 00:00:00+00", id]),
      cursorOf(["events", "2026-01-01 00:00:00+00", "not-a-uuid"]),
      cursorOf(["events", "2026-01-01 00:00:00+00"]),
      cursorOf(["events", "2026-01-01 00:00:00+00", id, "extra"]),
      cursorOf(["updated_at", "2026-01-01 00:00:00+00", id]),
      // The customer list's cursors are not the timeline's.
      encodeCursor({ sort: "updated_at", direction: "after", key: ["2026-01-01 00:00:00+00", id] }),
    ]) {
      expect(decodeEventCursor(bad)).toBeNull();
    }
  });
});
