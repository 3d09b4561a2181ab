import { isRouteErrorResponse, Link, useParams, useRouteError, type ErrorResponse, type Params } from "@remix-run/react";
import type { ReactNode } from "react";

/** The page every error renders: a title, one sentence, and the way back. */
export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600">{message}</p>
      <Link to="/customers" className="inline-block font-medium text-indigo-700 underline">
        Back to customers
      </Link>
    </div>
  );
}

export function PageNotFound() {
  return <ErrorPage title="Page not found" message="We could not find the page you were looking for." />;
}

export type StatusHandler = (info: { error: ErrorResponse; params: Params }) => ReactNode;
export type UnexpectedErrorHandler = (info: { error: unknown; params: Params }) => ReactNode;

const defaultStatusHandlers: Record<number, StatusHandler> = {
  404: () => <PageNotFound />,
};

const anyOtherStatus: StatusHandler = ({ error }) => (
  <ErrorPage title={`${error.status} ${error.statusText}`} message="The request could not be completed." />
);

const unexpectedError: UnexpectedErrorHandler = () => (
  <ErrorPage title="Something went wrong" message="An unexpected error occurred. Please try again." />
);

/**
 * What a route's `ErrorBoundary` renders. A thrown response is answered by the
 * handler for its status (404 is "Page not found" unless the route says
 * otherwise), then by `defaultStatusHandler`; anything else that was thrown by
 * `unexpectedErrorHandler`. Nothing is logged here: Remix already reports
 * server errors, and the browser console is not the user's business.
 */
export function RouteErrorBoundary({
  statusHandlers,
  defaultStatusHandler = anyOtherStatus,
  unexpectedErrorHandler = unexpectedError,
}: {
  statusHandlers?: Record<number, StatusHandler>;
  defaultStatusHandler?: StatusHandler;
  unexpectedErrorHandler?: UnexpectedErrorHandler;
}) {
  const error = useRouteError();
  const params = useParams();
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers?.[error.status] ?? defaultStatusHandlers[error.status] ?? defaultStatusHandler;
    return <>{handler({ error, params })}</>;
  }
  return <>{unexpectedErrorHandler({ error, params })}</>;
}
