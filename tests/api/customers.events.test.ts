import { randomUUID } from "node:crypto";
import type { ApiEvent } from "~/customers/api-shape.server";
import { encodeCursor } from "~/customers/cursor.server";
import { ownerPrisma as prisma } from "../setup/owner";
import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";

/** GET /api/customers/:id/events: the customer's timeline in keyset pages, newest first. */

type EventsBody = { events: ApiEvent[]; next_cursor: string | null };

let user: TestUser;
let other: TestUser;
let busy: { id: string };
const START = Date.UTC(2025, 5, 1);

beforeAll(async () => {
  user = await signedInUser();
  other = await signedInUser();
  busy = await customerFor(user, { name: "Busy Co" });
  await prisma().customerEvent.createMany({
    data: Array.from({ length: 30 }, (_, index) => ({
      userId: user.id,
      customerId: busy.id,
      eventType: index % 2 === 0 ? "call" : "status_change",
      title: `Event ${index}`,
      eventDate: new Date(START + index * 3_600_000),
    })),
  });
});

async function events(path: string, cookie = user.cookie): Promise<EventsBody> {
  const response = await api("GET", path, { cookie });
  expect(response.status).toBe(200);
  return jsonOf<EventsBody>(response);
}

const titles = (body: EventsBody) => body.events.map((event) => event.title);
const newestFirst = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, index) => `Event ${from - index}`);

describe("GET /api/customers/:id/events", () => {
  it("answers the newest 25 events and a next_cursor, then the rest", async () => {
    const first = await events(`/api/customers/${busy.id}/events`);
    expect(titles(first)).toEqual(newestFirst(29, 5));
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await events(`/api/customers/${busy.id}/events?cursor=${first.next_cursor}`);
    expect(titles(second)).toEqual(newestFirst(4, 0));
    expect(second.next_cursor).toBeNull();
  });

  it("takes a limit and pages by it, every event once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: EventsBody = await events(`/api/customers/${busy.id}/events?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(body.events.length).toBeLessThanOrEqual(7);
      seen.push(...titles(body));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(newestFirst(29, 0));
  });

  it("shows every event in the spec's snake_case fields, status changes included", async () => {
    const customer = await customerFor(user, { name: "Shape Co" });
    await prisma().customerEvent.createMany({
      data: [
        {
          userId: user.id,
          customerId: customer.id,
          eventType: "meeting",
          title: "Kick-off",
          description: "Scope agreed",
          participants: ["Ann"],
          metadata: { room: "4B" },
          eventDate: new Date("2026-05-02T09:30:00.000Z"),
          createdAt: new Date("2026-05-02T10:00:00.000Z"),
        },
        {
          userId: user.id,
          customerId: customer.id,
          eventType: "status_change",
          title: "Status changed from Lead to Prospect",
          metadata: { from: "lead", to: "prospect" },
          eventDate: new Date("2026-05-01T08:00:00.000Z"),
          createdAt: new Date("2026-05-01T08:00:00.000Z"),
        },
      ],
    });
    const body = await events(`/api/customers/${customer.id}/events`);
    expect(body).toEqual({
      events: [
        {
          id: expect.any(String),
          customer_id: customer.id,
          event_type: "meeting",
          title: "Kick-off",
          description: "Scope agreed",
          participants: ["Ann"],
          metadata: { room: "4B" },
          event_date: "2026-05-02T09:30:00.000Z",
          created_at: "2026-05-02T10:00:00.000Z",
        },
        {
          id: expect.any(String),
          customer_id: customer.id,
          event_type: "status_change",
          title: "Status changed from Lead to Prospect",
          description: null,
          participants: [],
          metadata: { from: "lead", to: "prospect" },
          event_date: "2026-05-01T08:00:00.000Z",
          created_at: "2026-05-01T08:00:00.000Z",
        },
      ],
      next_cursor: null,
    });
  });

  it("a customer without events answers an empty page", async () => {
    const quiet = await customerFor(user, { name: "Quiet Co" });
    expect(await events(`/api/customers/${quiet.id}/events`)).toEqual({ events: [], next_cursor: null });
  });

  it("empty parameters mean not given", async () => {
    expect(titles(await events(`/api/customers/${busy.id}/events?limit=&cursor=`))).toEqual(newestFirst(29, 5));
  });
});

describe("GET /api/customers/:id/events refuses", () => {
  it("another user's customer: 404, even with a valid cursor", async () => {
    const first = await events(`/api/customers/${busy.id}/events?limit=2`);
    for (const path of [`/api/customers/${busy.id}/events`, `/api/customers/${busy.id}/events?cursor=${first.next_cursor}`]) {
      const response = await api("GET", path, { cookie: other.cookie });
      expect(response.status).toBe(404);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "not_found" });
    }
  });

  it("an archived customer: 404", async () => {
    const archived = await customerFor(user, { name: "Archived Co" });
    await prisma().customer.update({ where: { id: archived.id }, data: { deletedAt: new Date() } });
    const response = await api("GET", `/api/customers/${archived.id}/events`, { cookie: user.cookie });
    expect(response.status).toBe(404);
  });

  const cursorOf = (payload: unknown[]) => Buffer.from(JSON.stringify(payload)).toString("base64url");
  it.each([
    { label: "garbage", query: "?cursor=not-a-cursor", param: "cursor" },
    { label: "an impossible date", query: `?cursor=${cursorOf(["events", "2026-02-31 00:00:00+00", randomUUID()])}`, param: "cursor" },
    { label: "a non-uuid id", query: `?cursor=${cursorOf(["events", "2026-01-01 00:00:00+00", "x"])}`, param: "cursor" },
    {
      label: "a customer list cursor",
      query: `?cursor=${encodeCursor({ sort: "updated_at", direction: "after", key: ["2026-01-01 00:00:00+00", randomUUID()] })}`,
      param: "cursor",
    },
    { label: "a zero limit", query: "?limit=0", param: "limit" },
    { label: "a limit over 100", query: "?limit=101", param: "limit" },
    { label: "a limit that is not a number", query: "?limit=ten", param: "limit" },
    { label: "a repeated cursor", query: "?cursor=a&cursor=b", param: "cursor" },
  ])("$label: 400 naming $param", async ({ query, param }) => {
    const response = await api("GET", `/api/customers/${busy.id}/events${query}`, { cookie: user.cookie });
    expect(response.status).toBe(400);
    const body = await jsonOf<ErrorBody>(response);
    expect(body.error).toBe("validation");
    expect(Object.keys(body.issues!)).toEqual([param]);
  });

  it("without a session: 401", async () => {
    const response = await api("GET", `/api/customers/${busy.id}/events`);
    expect(response.status).toBe(401);
    expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "unauthorized" });
  });
});
