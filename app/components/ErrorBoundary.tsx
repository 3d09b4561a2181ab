import { isRouteErrorResponse, Link, useParams, useRouteError, type ErrorResponse, type Params } from "@remix-run/react";
import type { ReactNode } from "react";

export interface BackLink {
  to: string;
  label: string;
}

const BACK_TO_CUSTOMERS: BackLink = { to: "/customers", label: "Back to customers" };

/** The page every error renders: a title, one sentence, and the way back. */
export function ErrorPage({ title, message, back = BACK_TO_CUSTOMERS }: { title: string; message: string; back?: BackLink }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600">{message}</p>
      <Link to={back.to} className="inline-block font-medium text-indigo-700 underline">
        {back.label}
      </Link>
    </div>
  );
}

export function PageNotFound({ back }: { back?: BackLink }) {
  return <ErrorPage title="Page not found" message="We could not find the page you were looking for." back={back} />;
}

export type StatusHandler = (info: { error: ErrorResponse; params: Params; back?: BackLink }) => ReactNode;
export type UnexpectedErrorHandler = (info: { error: unknown; params: Params; back?: BackLink }) => ReactNode;

const defaultStatusHandlers: Record<number, StatusHandler> = {
  404: ({ back }) => <PageNotFound back={back} />,
};

// A response built with json() has no status text; the app's own refusals
// (app/utils/form.server.ts, app/http/) are among them.
const REASONS: Record<number, string> = {
  400: "Bad Request",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/** The sentence a refusal carries: only the app writes these, so it is safe to show. */
function messageOf(data: unknown): string | null {
  if (typeof data !== "object" || data === null || !("message" in data)) return null;
  return typeof data.message === "string" && data.message !== "" ? data.message : null;
}

const anyOtherStatus: StatusHandler = ({ error, back }) => (
  <ErrorPage
    title={`${error.status} ${error.statusText || REASONS[error.status] || ""}`.trim()}
    message={messageOf(error.data) ?? "The request could not be completed."}
    back={back}
  />
);

const unexpectedError: UnexpectedErrorHandler = ({ back }) => (
  <ErrorPage title="Something went wrong" message="An unexpected error occurred. Please try again." back={back} />
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
  back,
}: {
  statusHandlers?: Record<number, StatusHandler>;
  defaultStatusHandler?: StatusHandler;
  unexpectedErrorHandler?: UnexpectedErrorHandler;
  /** Where the error page leads (the customers unless given): signed-out pages lead back to themselves. */
  back?: BackLink;
}) {
  const error = useRouteError();
  const params = useParams();
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers?.[error.status] ?? defaultStatusHandlers[error.status] ?? defaultStatusHandler;
    return <>{handler({ error, params, back })}</>;
  }
  return <>{unexpectedErrorHandler({ error, params, back })}</>;
}
