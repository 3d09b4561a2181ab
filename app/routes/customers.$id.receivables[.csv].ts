import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getCustomer } from "~/customers/customers.server";
import { csvDownload } from "~/http/csv-download.server";
import { notFound } from "~/http/responses.server";
import { fileSlug } from "~/receivables/csv";
import { receivablesCsvStream } from "~/receivables/csv-export.server";
import { isoDateIn } from "~/utils/format";

/** The methods this file serves (the edge answers 405 to the rest, app/http/methods.server.ts). */
export const ALLOWED_METHODS = ["GET"] as const;

/** One customer's invoices and payments as CSV, in date order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id: userId, settings } = await requireUser(request);
  const customer = await getCustomer({ userId, customerId: params.id ?? "" });
  if (!customer) throw notFound();
  const filename = `${fileSlug(customer.name, "customer")}-receivables-${isoDateIn(settings.timeZone)}.csv`;
  return csvDownload(receivablesCsvStream({ userId, customerId: customer.id }), filename);
}
