import { cleanup, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { QuickStats } from "./QuickStats";

const now = new Date("2026-11-24T12:00:00.000Z");

type Stats = Parameters<typeof QuickStats>[0]["stats"];
const noStats: Stats = { activeAgreements: 0, outstandingBalance: "0", activeProjects: 0, lastInteractionAt: null };

/** Renders the stats at `now`, in UTC and euros unless told otherwise. */
function renderStats(stats: Partial<Stats>, { timeZone = "UTC", currency = "EUR" } = {}) {
  render(<QuickStats stats={{ ...noStats, ...stats }} now={now} timeZone={timeZone} currency={currency} />);
}

function valueFor(label: string) {
  return screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("QuickStats", () => {
  it("labels the four figures", () => {
    renderStats({ activeAgreements: 2, outstandingBalance: "-1500.5", lastInteractionAt: "2026-11-24T09:00:00.000Z" });
    expect(valueFor("Active agreements")).toBe("2");
    expect(valueFor("Outstanding balance")).toBe("-€1,500.50");
    expect(valueFor("Active projects")).toBe("0");
    expect(valueFor("Last interaction")).toBe("3 hours ago");
  });

  it("says what the agreements figure counts", () => {
    renderStats({ activeAgreements: 3 });
    const value = screen.getByText("Active agreements", { selector: "dt" }).nextElementSibling;
    expect(value?.nextElementSibling).toHaveTextContent("Running now, expiring soon included");
  });

  it("shows the balance in the account's currency", () => {
    renderStats({ outstandingBalance: "1234.5" }, { currency: "USD" });
    expect(valueFor("Outstanding balance")).toBe("US$1,234.50");
  });

  it("shows the credit beside the outstanding balance, only when there is some", () => {
    renderStats({ outstandingBalance: "100.00", credit: "7.97" });
    expect(screen.getByText("Credit €7.97")).toBeInTheDocument();
    cleanup();
    renderStats({ outstandingBalance: "100.00", credit: "0.00" });
    expect(screen.queryByText(/^Credit/)).not.toBeInTheDocument();
  });

  it("says Never without an interaction", () => {
    renderStats({});
    expect(valueFor("Last interaction")).toBe("Never");
  });

  it("names the last interaction's time on the account's clock", () => {
    renderStats({ lastInteractionAt: "2026-11-24T09:00:00.000Z" }, { timeZone: "Asia/Kolkata" });
    expect(screen.getByText("3 hours ago")).toHaveAttribute("title", "24 Nov 2026, 14:30");
  });
});
