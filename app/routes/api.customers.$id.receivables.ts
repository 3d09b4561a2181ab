import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { issuesFromZod, readJsonBody } from "~/http/json-body.server";
import { readListQuery } from "~/http/list-query.server";
import { methodNotAllowed, notFound, refused, validationError } from "~/http/responses.server";
import { toApiReceivable } from "~/receivables/api-shape.server";
import { ReceivablesQuerySchema } from "~/receivables/query";
import { listReceivablesWithSummary } from "~/receivables/receivables.server";
import { CreateReceivableApiSchema } from "~/receivables/schemas";
import { createReceivable } from "~/receivables/writes.server";

const ALLOWED = ["GET", "POST"] as const;

/** The customer's invoices and payments (`?type=&status=`) and its summary; 404 unless the user's live customer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  const query = ReceivablesQuerySchema.safeParse(readListQuery(new URL(request.url).searchParams, ["type", "status"]));
  if (!query.success) throw validationError(issuesFromZod(query.error));
  const listed = await listReceivablesWithSummary({ userId, customerId: params.id ?? "", ...query.data });
  if (!listed) throw notFound();
  return json({ receivables: listed.receivables.map(toApiReceivable), summary: listed.summary });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const input = await readJsonBody(request, CreateReceivableApiSchema);
  const outcome = await createReceivable({ userId, customerId: params.id ?? "", input });
  if (!outcome.ok) throw refused(outcome);
  return json({ receivable: toApiReceivable(outcome.value) }, { status: 201 });
}
