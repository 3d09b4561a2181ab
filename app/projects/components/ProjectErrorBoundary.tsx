import { ErrorPage, RouteErrorBoundary } from "~/components/ErrorBoundary";

/**
 * The error boundary of a project's and an artifact's page. The customer's
 * own 404 (archived, someone else's) is the layout's and shows first; a 404
 * here means the project or artifact is not this customer's — missing,
 * deleted, another customer's or another user's read the same.
 */
export function ProjectErrorBoundary({ what }: { what: "Project" | "Artifact" }) {
  return (
    <RouteErrorBoundary
      statusHandlers={{
        404: ({ params }) => (
          <ErrorPage
            title={`${what} not found`}
            message={`This ${what.toLowerCase()} does not exist, was deleted, or belongs to another customer.`}
            back={{ to: `/customers/${params.id ?? ""}/projects`, label: "Back to projects" }}
          />
        ),
      }}
    />
  );
}
