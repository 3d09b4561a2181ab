import { Outlet } from "@remix-run/react";
import { createCustomerAction } from "~/http/create-customer.server";
import { RouteErrorBoundary } from "~/components/ErrorBoundary";

// Layout for /customers/*. Its action answers a POST to /customers itself
// (no ?index), which is what a plain client of the contract sends.
export const action = createCustomerAction;

export default function CustomersLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
