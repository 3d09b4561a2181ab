import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { csvDownload } from "~/http/csv-download.server";
import { receivablesCsvStream } from "~/receivables/csv-export.server";
import { isoDateIn } from "~/utils/format";

/** The methods this file serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["GET"] as const;

/** Every invoice and payment of the user's live customers as CSV, customer by customer, in date order. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  return csvDownload(receivablesCsvStream({ userId }), `receivables-${isoDateIn(settings.timeZone)}.csv`);
}
