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

  it.each([
    ["a 500 response", new Response(null, { status: 500, statusText: "Internal Server Error" })],
    ["an error", new Error("boom")],
  ])("says the customer could not be loaded for anything else (%s)", async (_name, thrown) => {
    renderThrowing(thrown, CustomerErrorBoundary);
    expect(await heading()).toHaveTextContent("Something went wrong");
    expect(screen.getByText("The customer could not be loaded. Please try again.")).toBeInTheDocument();
  });
});
