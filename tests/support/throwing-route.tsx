import { createRemixStub } from "@remix-run/testing";
import { render } from "@testing-library/react";
import type { ComponentType } from "react";

/** Renders a route whose loader throws `thrown`, with `Boundary` as its ErrorBoundary. */
export function renderThrowingRoute(thrown: unknown, Boundary: ComponentType) {
  const Stub = createRemixStub([
    {
      path: "/things/:id",
      Component: () => <p>never rendered</p>,
      loader: () => {
        throw thrown;
      },
      ErrorBoundary: Boundary,
    },
  ]);
  render(<Stub initialEntries={["/things/42"]} />);
}
