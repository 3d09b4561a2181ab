import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listAgreements } from "~/agreements/agreements.server";
import { toApiAgreement } from "~/agreements/api-shape.server";
import { createAgreement } from "~/agreements/lifecycle.server";
import { CreateAgreementApiSchema } from "~/agreements/schemas";
import { requireUserId } from "~/auth/session.server";
import { loadCustomerTab } from "~/http/customer-tab.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound } from "~/http/responses.server";

const ALLOWED = ["GET", "POST"] as const;

/** The customer's agreements; 404 unless it is the user's live customer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const rows = await loadCustomerTab(request, params, listAgreements);
  return json({ agreements: rows.map(toApiAgreement) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const input = await readJsonBody(request, CreateAgreementApiSchema);
  const agreement = await createAgreement({ userId, customerId: params.id ?? "", input });
  if (!agreement) throw notFound();
  return json({ agreement: toApiAgreement(agreement) }, { status: 201 });
}
