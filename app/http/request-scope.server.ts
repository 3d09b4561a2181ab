import { inRequestScope } from "~/db/scope.server";
import { requestFailed, serviceUnavailable } from "./responses.server";

/**
 * Runs one HTTP request's handler in its database scope (one transaction,
 * committed before the response leaves, rolled back for a 5xx), and answers
 * for the database when it failed: 503 when it could not be reached, 500 when
 * the handler carried on after its transaction had failed.
 */
export async function withRequestScope(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const outcome = await inRequestScope(handle, (response) => response.status < 500);
  if (outcome.kind === "unavailable") return serviceUnavailable(request);
  const response = outcome.value;
  if (outcome.kind === "aborted" && response.status < 500) return requestFailed(request);
  if (process.env.SQL_ROUND_TRIPS === "1") {
    try {
      response.headers.set("X-Sql-Round-Trips", String(outcome.roundTrips));
    } catch {
      // Immutable headers (a proxied response): the count is only for the bench.
    }
  }
  return response;
}
