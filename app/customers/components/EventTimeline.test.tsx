import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EventTimeline, type TimelineEvent } from "./EventTimeline";

const now = new Date("2026-11-24T15:00:00.000Z");

const events: TimelineEvent[] = [
  {
    id: "e2",
    eventType: "status_change",
    title: "Moved to Live",
    description: null,
    participants: [],
    eventDate: "2026-11-24T14:05:00.000Z",
  },
  {
    id: "e1",
    eventType: "meeting",
    title: "Kick-off",
    description: "Agreed on scope.\nNext: pricing.",
    participants: ["Maya Okafor", "Liam Hughes"],
    eventDate: "2026-11-20T09:30:00.000Z",
  },
];

describe("EventTimeline", () => {
  it("keeps the given order in an ordered list", () => {
    render(<EventTimeline events={events} now={now} timeZone="UTC" />);
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("heading").textContent)).toEqual(["Moved to Live", "Kick-off"]);
  });

  it("shows type label, participants, description and a machine-readable date", () => {
    render(<EventTimeline events={events} now={now} timeZone="UTC" />);
    const [statusChange, meeting] = screen.getAllByRole("listitem");
    expect(within(statusChange!).getByText("Status change")).toBeInTheDocument();
    expect(within(meeting!).getByText("Meeting")).toBeInTheDocument();
    expect(within(meeting!).getByText("With Maya Okafor, Liam Hughes")).toBeInTheDocument();
    expect(within(meeting!).getByText(/Agreed on scope\./)).toBeInTheDocument();
    const time = meeting!.querySelector("time");
    expect(time).toHaveAttribute("datetime", "2026-11-20T09:30:00.000Z");
    expect(time).toHaveTextContent("20 Nov 2026, 09:30");
    expect(within(statusChange!).queryByText(/^With /)).toBeNull();
  });

  it("shows the time on the account's clock, not the machine's", () => {
    render(<EventTimeline events={events} now={now} timeZone="Europe/Berlin" />);
    const times = [...document.querySelectorAll("time")];
    expect(times.map((time) => time.textContent)).toEqual(["24 Nov 2026, 15:05", "20 Nov 2026, 10:30"]);
    expect(times.map((time) => time.getAttribute("datetime"))).toEqual(["2026-11-24T14:05:00.000Z", "2026-11-20T09:30:00.000Z"]);
  });

  it("falls back to the raw type for an unknown event type", () => {
    render(<EventTimeline events={[{ ...events[0]!, eventType: "webinar" }]} now={now} timeZone="UTC" />);
    expect(screen.getByText("webinar")).toBeInTheDocument();
  });

  it("says so when there are no events", () => {
    render(<EventTimeline events={[]} now={now} timeZone="UTC" />);
    expect(screen.getByText("No interactions recorded yet.")).toBeInTheDocument();
    expect(screen.queryByRole("list")).toBeNull();
  });
});

describe("EventTimeline's pages", () => {
  function renderAt(props: { olderHref?: string | null; newestHref?: string | null }) {
    const Stub = createRemixStub([
      { path: "/customers/:id/overview", Component: () => <EventTimeline events={events} now={now} timeZone="UTC" {...props} /> },
    ]);
    render(<Stub initialEntries={["/customers/c1/overview"]} />);
  }

  it("links to the older events with a plain link that works without JavaScript", async () => {
    renderAt({ olderHref: "/customers/c1/overview?cursor=abc#timeline-heading" });
    const link = await screen.findByRole("link", { name: "Older events" });
    expect(link).toHaveAttribute("href", "/customers/c1/overview?cursor=abc#timeline-heading");
    expect(screen.queryByRole("link", { name: "Newest events" })).toBeNull();
  });

  it("on an older page, links back to the newest events", async () => {
    renderAt({ newestHref: "/customers/c1/overview#timeline-heading" });
    const link = await screen.findByRole("link", { name: "Newest events" });
    expect(link).toHaveAttribute("href", "/customers/c1/overview#timeline-heading");
    expect(screen.queryByRole("link", { name: "Older events" })).toBeNull();
  });

  it("shows no page links when everything fits on one page", async () => {
    renderAt({});
    await screen.findAllByRole("listitem");
    expect(screen.queryByRole("navigation")).toBeNull();
  });
});
