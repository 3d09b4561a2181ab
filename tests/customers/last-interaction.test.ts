import { createCustomer } from "~/customers/customers.server";
import { listCustomers } from "~/customers/list.server";
import { getOverview } from "~/customers/overview.server";
import { ownerPrisma as prisma } from "../setup/owner";
import { newUserId } from "../support/db";

/**
 * "Last interaction" is one rule read by the customer cards and the overview's
 * quick stats: the newest call, meeting, email or note dated now or earlier.
 * Status changes and the app's own updates (agreement lifecycle) are on the
 * timeline but are not interactions; a planned (future) event has not happened.
 */

const HOUR_MS = 3_600_000;

interface EventAt {
  type: string;
  /** Hours from the test's start; negative is the past. null stores no date at all. */
  hours: number | null;
}

const cases: Array<{ name: string; events: EventAt[]; expected: number | null }> = [
  { name: "no events at all", events: [], expected: null },
  { name: "each interaction type counts: call", events: [{ type: "call", hours: -5 }], expected: -5 },
  { name: "each interaction type counts: meeting", events: [{ type: "meeting", hours: -5 }], expected: -5 },
  { name: "each interaction type counts: email", events: [{ type: "email", hours: -5 }], expected: -5 },
  { name: "each interaction type counts: note", events: [{ type: "note", hours: -5 }], expected: -5 },
  { name: "the newest of several interactions", events: [{ type: "call", hours: -50 }, { type: "email", hours: -2 }, { type: "note", hours: -20 }], expected: -2 },
  { name: "a future meeting is not the last interaction", events: [{ type: "note", hours: -48 }, { type: "meeting", hours: 72 }], expected: -48 },
  { name: "an event a few minutes ahead has not happened yet", events: [{ type: "call", hours: -24 }, { type: "call", hours: 0.1 }], expected: -24 },
  { name: "only future events: none yet", events: [{ type: "meeting", hours: 24 }], expected: null },
  { name: "a newer status change is not an interaction", events: [{ type: "call", hours: -30 }, { type: "status_change", hours: -1 }], expected: -30 },
  { name: "a newer update (agreement lifecycle) is not an interaction", events: [{ type: "email", hours: -30 }, { type: "update", hours: -1 }], expected: -30 },
  { name: "status changes and updates alone: none yet", events: [{ type: "status_change", hours: -1 }, { type: "update", hours: -2 }], expected: null },
  { name: "an undated note is not the newest", events: [{ type: "note", hours: null }, { type: "note", hours: -3 }], expected: -3 },
];

let userId: string;
const start = Date.now();

beforeAll(async () => {
  userId = await newUserId("Last interaction");
});

describe.each(cases)("last interaction: $name", ({ name, events, expected }) => {
  it("is the same on the customer card and in the overview's quick stats", async () => {
    const customer = await createCustomer(userId, { name: `Last ${name}` });
    if (events.length > 0) {
      await prisma().customerEvent.createMany({
        data: events.map((event) => ({
          userId,
          customerId: customer.id,
          eventType: event.type,
          title: `${event.type} at ${event.hours}`,
          eventDate: event.hours === null ? null : new Date(start + event.hours * HOUR_MS),
        })),
      });
    }
    const want = expected === null ? null : new Date(start + expected * HOUR_MS);

    const overview = await getOverview({ userId, customerId: customer.id });
    expect(overview!.stats.lastInteractionAt).toEqual(want);

    const page = await listCustomers(userId, { sort: "name", q: `Last ${name}`, limit: 5 });
    expect(page.items.map((item) => [item.id, item.lastInteractionAt])).toEqual([[customer.id, want]]);
  });
});

it("another customer's interactions never count", async () => {
  const quiet = await createCustomer(userId, { name: "Quiet Co" });
  const busy = await createCustomer(userId, { name: "Busy Co" });
  await prisma().customerEvent.create({
    data: { userId, customerId: busy.id, eventType: "call", title: "Busy call", eventDate: new Date(start - HOUR_MS) },
  });
  expect((await getOverview({ userId, customerId: quiet.id }))!.stats.lastInteractionAt).toBeNull();
  const page = await listCustomers(userId, { sort: "name", q: "Quiet Co", limit: 5 });
  expect(page.items.map((item) => item.lastInteractionAt)).toEqual([null]);
});
