import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AgreementCard, type AgreementView } from "./AgreementCard";

const base: AgreementView = {
  id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f",
  scope: "Design retainer",
  type: "retainer",
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  noticeDays: 30,
  pricing: { amount: "1500.00", period: "month", hours_included: 10 },
  status: "active",
  daysLeft: 120,
  billed: "3000.00",
  paid: "1000.00",
  outstanding: "2000.00",
  terminatedOn: null,
  terminationReason: null,
  renewalOf: null,
};

async function renderCard(
  overrides: Partial<AgreementView> = {},
  links: { predecessor?: AgreementView; successor?: AgreementView } = {},
) {
  const agreement = { ...base, ...overrides };
  const Stub = createRemixStub([
    {
      path: "/customers/:id/agreements",
      Component: () => (
        <AgreementCard agreement={agreement} currency="EUR" predecessor={links.predecessor ?? null} successor={links.successor ?? null} />
      ),
    },
  ]);
  render(<Stub initialEntries={["/customers/c1/agreements"]} />);
  return screen.findByRole("article", { name: agreement.scope });
}

const actionNames = (card: HTMLElement) => within(card).getAllByRole("link", { name: /^(Edit|Renew|Suspend|Resume|Terminate|Delete) / }).map((link) => link.textContent);

describe("AgreementCard", () => {
  it("shows the type, the pricing in words, the term, the notice and the money in the account's currency", async () => {
    const card = await renderCard();
    expect(card).toHaveTextContent("Retainer · €1,500.00 / month, 10 h included");
    expect(card).toHaveTextContent("1 Jan 2026 – 31 Dec 2026 · 30 days notice");
    const value = (label: string) => within(card).getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
    expect(value("Billed")).toBe("€3,000.00");
    expect(value("Paid")).toBe("€1,000.00");
    expect(value("Outstanding")).toBe("€2,000.00");
  });

  it("shows the status in words, with the days left when expiring soon", async () => {
    const card = await renderCard({ status: "expiring_soon", daysLeft: 12 });
    expect(within(card).getByText("Expiring soon")).toBeInTheDocument();
    expect(card).toHaveTextContent("12 days left");
  });

  it.each([
    ["upcoming", {}, ["Edit", "Renew", "Suspend", "Terminate", "Delete"]],
    ["active", {}, ["Edit", "Renew", "Suspend", "Terminate", "Delete"]],
    ["active", { endDate: null }, ["Edit", "Suspend", "Terminate", "Delete"]],
    ["expired", {}, ["Edit", "Renew", "Suspend", "Terminate", "Delete"]],
    ["suspended", {}, ["Edit", "Renew", "Resume", "Terminate", "Delete"]],
    ["terminated", { terminatedOn: "2026-06-30" }, ["Edit", "Delete"]],
  ] as const)("offers only what is allowed when %s %o", async (status, overrides, expected) => {
    const card = await renderCard({ status, ...overrides });
    expect(actionNames(card)).toEqual(expected);
  });

  it("links each action to its confirmation, which works without JavaScript", async () => {
    const card = await renderCard();
    expect(within(card).getByRole("link", { name: "Terminate Design retainer" })).toHaveAttribute(
      "href",
      `/customers/c1/agreements?confirm=terminate&agreementId=${base.id}`,
    );
    expect(within(card).getByRole("link", { name: "Edit Design retainer" })).toHaveAttribute("href", `/customers/c1/agreements?edit=${base.id}`);
  });

  it("says when and why it was terminated", async () => {
    const card = await renderCard({ status: "terminated", terminatedOn: "2026-06-30", terminationReason: "Budget cut" });
    expect(card).toHaveTextContent("Terminated on 30 Jun 2026: Budget cut");
  });

  it("links a renewal to the agreement it renews", async () => {
    const predecessor = { ...base, id: "11111111-2222-4333-8444-555555555555", startDate: "2025-01-01", endDate: "2025-12-31", status: "expired" as const };
    const renewal = await renderCard({ renewalOf: predecessor.id }, { predecessor });
    expect(within(renewal).getByRole("link", { name: "Design retainer (1 Jan 2025 – 31 Dec 2025)" })).toHaveAttribute(
      "href",
      `#agreement-${predecessor.id}`,
    );
  });

  it("links a renewed agreement to its successor, and offers no second renewal", async () => {
    const renewed = await renderCard({ status: "expired" }, { successor: { ...base, id: "22222222-2222-4333-8444-555555555555" } });
    expect(renewed).toHaveTextContent("Renewed by Design retainer");
    expect(actionNames(renewed)).not.toContain("Renew");
  });
});
