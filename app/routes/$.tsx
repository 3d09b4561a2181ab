import { json } from "@remix-run/node";
import { PageNotFound, RouteErrorBoundary } from "~/components/ErrorBoundary";

// Any unknown page: a real 404 status with a friendly page.
export function loader() {
  return json(null, { status: 404 });
}

export default function NotFound() {
  return <PageNotFound />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
