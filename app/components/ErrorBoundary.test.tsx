import { json } from "@remix-run/node";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderThrowingRoute } from "../../tests/support/throwing-route";
import { ErrorPage, RouteErrorBoundary } from "./ErrorBoundary";

const renderThrowing = renderThrowingRoute;

const heading = () => screen.findByRole("heading", { level: 1 });

describe("RouteErrorBoundary", () => {
  it("answers a thrown response with the handler for its status, given the params", async () => {
    renderThrowing(json(null, { status: 404 }), () => (
      <RouteErrorBoundary
        statusHandlers={{
          404: ({ params }) => <ErrorPage title={`Thing ${params.id} not found`} message="Gone." />,
          403: () => <ErrorPage title="Not yours" message="No." />,
        }}
      />
    ));
    expect(await heading()).toHaveTextContent("Thing 42 not found");
    expect(screen.getByText("Gone.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to customers" })).toHaveAttribute("href", "/customers");
  });

  it("says Page not found for a 404 nobody handles", async () => {
    renderThrowing(json(null, { status: 404 }), () => <RouteErrorBoundary statusHandlers={{ 403: () => <p>forbidden</p> }} />);
    expect(await heading()).toHaveTextContent("Page not found");
    expect(screen.getByText("We could not find the page you were looking for.")).toBeInTheDocument();
  });

  it("shows the status code and text of any other response", async () => {
    renderThrowing(new Response(null, { status: 409, statusText: "Conflict" }), () => <RouteErrorBoundary />);
    expect(await heading()).toHaveTextContent("409 Conflict");
    expect(screen.getByText("The request could not be completed.")).toBeInTheDocument();
  });

  // What readFormData and the edge throw: a JSON body with a message, no status text.
  it("names a status the response left without text, and shows the message it carries", async () => {
    renderThrowing(json({ error: "bad_request", message: "The form must be sent as UTF-8 text" }, { status: 400 }), () => <RouteErrorBoundary />);
    expect(await heading()).toHaveTextContent("400 Bad Request");
    expect(screen.getByText("The form must be sent as UTF-8 text")).toBeInTheDocument();
  });

  it("leads back where the route says: a signed-out page is not the way to the customers", async () => {
    renderThrowing(json({ error: "bad_request", message: "The form could not be read" }, { status: 400 }), () => (
      <RouteErrorBoundary back={{ to: "/signup", label: "Back to sign up" }} />
    ));
    expect(await screen.findByRole("link", { name: "Back to sign up" })).toHaveAttribute("href", "/signup");
    expect(screen.queryByRole("link", { name: "Back to customers" })).toBeNull();
  });

  it("uses defaultStatusHandler for statuses without a handler of their own", async () => {
    renderThrowing(new Response(null, { status: 400 }), () => (
      <RouteErrorBoundary defaultStatusHandler={({ error }) => <ErrorPage title={`Status ${error.status}`} message="Hm." />} />
    ));
    expect(await heading()).toHaveTextContent("Status 400");
  });

  it("falls back to Something went wrong for an error that is not a response", async () => {
    renderThrowing(new Error("database exploded"), () => <RouteErrorBoundary statusHandlers={{ 404: () => <p>not found</p> }} />);
    expect(await heading()).toHaveTextContent("Something went wrong");
    expect(screen.getByText("An unexpected error occurred. Please try again.")).toBeInTheDocument();
    expect(screen.queryByText(/database exploded/)).toBeNull();
  });

  it("lets the route replace the unexpected-error page", async () => {
    renderThrowing(new Error("boom"), () => (
      <RouteErrorBoundary unexpectedErrorHandler={() => <ErrorPage title="Could not load" message="Try again." />} />
    ));
    expect(await heading()).toHaveTextContent("Could not load");
  });
});
