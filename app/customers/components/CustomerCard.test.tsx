import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CustomerCard, type CustomerCardData } from "./CustomerCard";

const now = new Date("2026-11-24T12:00:00.000Z");

const baseCustomer: CustomerCardData = {
  id: "5f0c8a4e-1b2d-4c3e-9f00-123456789abc",
  name: "Acme Corp",
  status: "negotiation",
  vertical: "Fintech",
  productName: "Acme Pay",
  teamSize: 3,
  lastInteractionAt: "2026-11-21T12:00:00.000Z",
  expiringSoon: false,
  updatedAt: "2026-11-24T10:00:00.000Z",
};

function renderCard(overrides: Partial<CustomerCardData> = {}, timeZone = "UTC", currency = "EUR") {
  const customer = { ...baseCustomer, ...overrides };
  const Stub = createRemixStub([
    { path: "/customers", Component: () => <CustomerCard customer={customer} now={now} timeZone={timeZone} currency={currency} /> },
  ]);
  render(<Stub initialEntries={["/customers"]} />);
  return screen.findByRole("article");
}

// <dl> pairs: the text of the <dd> that follows a <dt> with this label.
function valueFor(card: HTMLElement, label: string) {
  const term = within(card).getByText(label, { selector: "dt" });
  return term.nextElementSibling?.textContent;
}

describe("CustomerCard", () => {
  it("links the name heading to the customer's overview", async () => {
    const card = await renderCard();
    const heading = within(card).getByRole("heading", { level: 2, name: "Acme Corp" });
    const link = within(heading).getByRole("link", { name: "Acme Corp" });
    expect(link).toHaveAttribute("href", `/customers/${baseCustomer.id}/overview`);
    expect(within(card).getAllByRole("link")).toHaveLength(1);
  });

  it("shows the status badge label", async () => {
    const card = await renderCard();
    expect(within(card).getByText("Negotiation")).toBeInTheDocument();
  });

  it("says so in words when an agreement is expiring soon", async () => {
    const card = await renderCard({ expiringSoon: true });
    expect(within(card).getByText("Agreement expiring soon")).toBeInTheDocument();
    expect(within(card).getAllByRole("link")).toHaveLength(1);
  });

  it("says nothing about agreements otherwise", async () => {
    const card = await renderCard({ expiringSoon: false });
    expect(within(card).queryByText("Agreement expiring soon")).not.toBeInTheDocument();
  });

  it("shows what the customer owes, and marks an overdue invoice in words", async () => {
    const card = await renderCard({ outstanding: "1234.50", overdue: true });
    expect(valueFor(card, "Outstanding")).toBe("€1,234.50");
    expect(within(card).getByText("Payment overdue")).toBeInTheDocument();
  });

  it("leaves out a zero outstanding amount and the overdue mark when nothing is late", async () => {
    const card = await renderCard({ outstanding: "0.00", overdue: false });
    expect(within(card).queryByText("Outstanding")).not.toBeInTheDocument();
    expect(within(card).queryByText("Payment overdue")).not.toBeInTheDocument();
  });

  it("labels each detail", async () => {
    const card = await renderCard();
    expect(valueFor(card, "Vertical")).toBe("Fintech");
    expect(valueFor(card, "Product")).toBe("Acme Pay");
    expect(valueFor(card, "Team")).toBe("3 people");
    expect(valueFor(card, "Last interaction")).toBe("3 days ago");
    expect(valueFor(card, "Updated")).toBe("2 hours ago");
  });

  it("puts machine-readable timestamps on the relative times", async () => {
    const card = await renderCard();
    const times = card.querySelectorAll("time");
    expect([...times].map((time) => time.getAttribute("datetime"))).toEqual([
      "2026-11-21T12:00:00.000Z",
      "2026-11-24T10:00:00.000Z",
    ]);
  });

  it("names the exact times, on the account's clock, when pointed at", async () => {
    const card = await renderCard({}, "America/New_York");
    const times = card.querySelectorAll("time");
    expect([...times].map((time) => time.getAttribute("title"))).toEqual(["21 Nov 2026, 07:00", "24 Nov 2026, 05:00"]);
  });

  it("keeps a vertical or product cut short whole in its title", async () => {
    const long = "Infrastructure".repeat(20);
    const card = await renderCard({ vertical: long, productName: null });
    expect(within(card).getByText(long)).toHaveAttribute("title", long);
    expect(within(card).getByText("Not set")).not.toHaveAttribute("title");
  });

  it.each([
    [1, "1 person"],
    [0, "No team yet"],
  ])("describes a team of %i as %j", async (teamSize, expected) => {
    const card = await renderCard({ teamSize });
    expect(valueFor(card, "Team")).toBe(expected);
  });

  it("says so when there is no interaction, vertical or product", async () => {
    const card = await renderCard({ lastInteractionAt: null, vertical: null, productName: null });
    expect(valueFor(card, "Last interaction")).toBe("No interactions yet");
    expect(valueFor(card, "Vertical")).toBe("Not set");
    expect(valueFor(card, "Product")).toBe("Not set");
  });
});
