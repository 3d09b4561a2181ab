import { ErrorPage, RouteErrorBoundary } from "~/components/ErrorBoundary";
import { ArchivedCustomerNotice, readArchivedNotice } from "./ArchivedCustomerNotice";

const couldNotLoad = () => <ErrorPage title="Something went wrong" message="The customer could not be loaded. Please try again." />;

/**
 * The error boundary of the customer pages (the detail layout and its tabs):
 * a 404 is the same "Customer not found" whether the id never existed, was
 * archived long ago or is someone else's; the user's own customer that can
 * still be restored says so instead (its 404 carries the notice); anything
 * else could not be loaded.
 */
export function CustomerErrorBoundary() {
  return (
    <RouteErrorBoundary
      statusHandlers={{
        404: ({ error }) => {
          const archived = readArchivedNotice(error.data);
          if (archived) return <ArchivedCustomerNotice customer={archived} />;
          return (
            <ErrorPage
              title="Customer not found"
              message="This customer does not exist, was archived, or belongs to someone else."
            />
          );
        },
      }}
      defaultStatusHandler={couldNotLoad}
      unexpectedErrorHandler={couldNotLoad}
    />
  );
}
