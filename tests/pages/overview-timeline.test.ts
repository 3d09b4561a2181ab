import { ownerPrisma as prisma } from "../setup/owner";
import * as overviewRoute from "~/routes/customers.$id.overview";
import { insertCustomer } from "../../prisma/factories";
import { signUp } from "../auth-helpers";
import { call, get } from "../http";

// The overview's timeline in pages a browser without JavaScript can follow:
// an "Older events" link is a plain GET with ?cursor=, and the page is lenient
// with a cursor it cannot read (the first page, as the customer list does).

interface OverviewData {
  events: Array<{ title: string }>;
  olderEventsHref: string | null;
  newestEventsHref: string | null;
}

let cookie: string;
let otherCookie: string;
let customerId: string;

beforeAll(async () => {
  const mine = await signUp();
  cookie = mine.cookie;
  otherCookie = (await signUp()).cookie;
  const me = await prisma().user.findUniqueOrThrow({ where: { email: mine.email.toLowerCase() } });
  customerId = (await insertCustomer(prisma(), me.id, { name: "Chatty Co" })).id;
  const start = Date.UTC(2025, 0, 1);
  await prisma().customerEvent.createMany({
    data: Array.from({ length: 103 }, (_, index) => ({
      userId: me.id,
      customerId,
      eventType: "note",
      title: `Note ${index}`,
      eventDate: new Date(start + index * 60_000),
    })),
  });
});

async function overview(path: string, who = cookie): Promise<OverviewData> {
  const response = await call(overviewRoute.loader, get(path, { cookie: who }), { id: customerId });
  expect(response.status).toBe(200);
  return (await response.json()) as OverviewData;
}

describe("the overview's timeline pages", () => {
  it("the first page shows the newest 100 events and links to the older ones", async () => {
    const first = await overview(`/customers/${customerId}/overview`);
    expect(first.events).toHaveLength(100);
    expect(first.events[0]!.title).toBe("Note 102");
    expect(first.events.at(-1)!.title).toBe("Note 3");
    expect(first.olderEventsHref).toMatch(new RegExp(`^/customers/${customerId}/overview\\?cursor=[\\w-]+#timeline-heading$`));
    expect(first.newestEventsHref).toBeNull();
  });

  it("following the link shows the older events, and a way back to the newest", async () => {
    const first = await overview(`/customers/${customerId}/overview`);
    const older = await overview(first.olderEventsHref!.replace(/#.*$/, ""));
    expect(older.events.map((event) => event.title)).toEqual(["Note 2", "Note 1", "Note 0"]);
    expect(older.olderEventsHref).toBeNull();
    expect(older.newestEventsHref).toBe(`/customers/${customerId}/overview#timeline-heading`);
  });

  it.each(["not-a-cursor", Buffer.from('["events","2026-02-31 00:00:00+00","x"]').toString("base64url")])(
    "a cursor it cannot read (%s) shows the first page, never an error",
    async (cursor) => {
      const page = await overview(`/customers/${customerId}/overview?cursor=${cursor}`);
      expect(page.events[0]!.title).toBe("Note 102");
      expect(page.events).toHaveLength(100);
    },
  );

  it("another user gets a 404, with or without a cursor", async () => {
    const first = await overview(`/customers/${customerId}/overview`);
    for (const path of [`/customers/${customerId}/overview`, first.olderEventsHref!.replace(/#.*$/, "")]) {
      const response = await call(overviewRoute.loader, get(path, { cookie: otherCookie }), { id: customerId });
      expect(response.status).toBe(404);
    }
  });
});
