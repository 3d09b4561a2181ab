import { json } from "@remix-run/node";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderThrowingRoute as renderThrowing } from "../../../tests/support/throwing-route";
import { CustomerErrorBoundary } from "./CustomerErrorBoundary";

const heading = () => screen.findByRole("heading", { level: 1 });

describe("CustomerErrorBoundary", () => {
  it("says Customer not found for a 404", async () => {
    renderThrowing(json(null, { status: 404 }), CustomerErrorBoundary);
    expect(await heading()).toHaveTextContent("Customer not found");
    expect(screen.getByText("This customer does not exist, was archived, or belongs to someone else.")).toBeInTheDocument();
  });

  it("shows the user's archived customer, when and for how long it can be restored, with a Restore form", async () => {
    // 19:00 UTC on the 2nd is already the 3rd in Tokyo: the day is the account's.
    const archived = {
      id: "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f",
      name: "Acme Corp",
      archivedAt: "2026-03-02T19:00:00.000Z",
      daysLeft: 1,
      timeZone: "Asia/Tokyo",
    };
    renderThrowing(json({ error: "not_found", archived }, { status: 404 }), CustomerErrorBoundary);
    expect(await heading()).toHaveTextContent("Acme Corp is archived");
    expect(screen.getByText(/Archived on/)).toHaveTextContent("Archived on 3 Mar 2026. 1 day left to restore it");
    const form = screen.getByRole("button", { name: "Restore Acme Corp" }).closest("form")!;
    expect(form).toHaveAttribute("method", "post");
    expect(form).toHaveAttribute("action", `/customers/${archived.id}`);
    expect(Object.fromEntries(new FormData(form))).toEqual({ intent: "restore", redirectTo: "/things/42" });
    expect(screen.getByRole("link", { name: "All archived customers" })).toHaveAttribute("href", "/customers/archived");
  });

  it("says Customer not found when the 404's notice is not one it can read", async () => {
    renderThrowing(json({ error: "not_found", archived: { id: 42, name: "Acme Corp" } }, { status: 404 }), CustomerErrorBoundary);
    expect(await heading()).toHaveTextContent("Customer not found");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it.each([
    ["a 500 response", new Response(null, { status: 500, statusText: "Internal Server Error" })],
    ["an error", new Error("boom")],
  ])("says the customer could not be loaded for anything else (%s)", async (_name, thrown) => {
    renderThrowing(thrown, CustomerErrorBoundary);
    expect(await heading()).toHaveTextContent("Something went wrong");
    expect(screen.getByText("The customer could not be loaded. Please try again.")).toBeInTheDocument();
  });
});
