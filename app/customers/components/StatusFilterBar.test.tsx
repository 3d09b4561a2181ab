import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CUSTOMER_STATUSES, STATUS_LABELS } from "~/customers/constants";
import { StatusFilterBar } from "./StatusFilterBar";

const counts = { all: 12, lead: 4, prospect: 3, negotiation: 2, live: 1, on_hold: 2 };
const hrefFor = (status: string | null) => (status ? `/customers?status=${status}&sort=name` : "/customers?sort=name");

async function renderBar(active: string | null) {
  const Stub = createRemixStub([
    { path: "/customers", Component: () => <StatusFilterBar counts={counts} active={active} hrefFor={hrefFor} /> },
  ]);
  render(<Stub initialEntries={["/customers"]} />);
  const nav = await screen.findByRole("navigation", { name: "Filter by status" });
  return within(nav).getAllByRole("link");
}

describe("StatusFilterBar", () => {
  it("lists All first, then every status in pipeline order, with counts", async () => {
    const links = await renderBar(null);
    // Screen readers hear "Lead: 5 customers", not the visual "Lead5".
    expect(links.map((link) => link.getAttribute("aria-label"))).toEqual([
      "All: 12 customers",
      ...CUSTOMER_STATUSES.map((status) => {
        const count = counts[status as keyof typeof counts] ?? 0;
        return `${STATUS_LABELS[status]}: ${count} ${count === 1 ? "customer" : "customers"}`;
      }),
    ]);
    expect(links[0]).toHaveTextContent("All12");
  });

  it("shows zero for a status missing from counts", async () => {
    const links = await renderBar(null);
    expect(links.at(-1)).toHaveAccessibleName("Archive: 0 customers");
  });

  it("takes every href from hrefFor", async () => {
    const links = await renderBar(null);
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      hrefFor(null),
      ...CUSTOMER_STATUSES.map((status) => hrefFor(status)),
    ]);
  });

  it("marks only the active status as the current page", async () => {
    const links = await renderBar("live");
    const current = links.filter((link) => link.getAttribute("aria-current") === "page");
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveAccessibleName("Live: 1 customer");
    const inactive = links.find((link) => link.textContent?.startsWith("Lead"));
    expect(current[0]?.className).not.toBe(inactive?.className);
  });

  it("marks All as current when no status is active", async () => {
    const links = await renderBar(null);
    expect(links[0]).toHaveAttribute("aria-current", "page");
    expect(links.slice(1).every((link) => !link.hasAttribute("aria-current"))).toBe(true);
  });
});
