import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, refused } from "~/http/responses.server";
import { toApiReceivable } from "~/receivables/api-shape.server";
import { VoidReceivableApiSchema } from "~/receivables/schemas";
import { voidReceivable } from "~/receivables/writes.server";

const ALLOWED = ["POST"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  throw methodNotAllowed(ALLOWED);
}

/** POST /api/receivables/<rid>/void: 409 when already void or an invoice still has payments. */
export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  await readJsonBody(request, VoidReceivableApiSchema, { optional: true });
  const outcome = await voidReceivable({ userId, receivableId: params.rid ?? "" });
  if (!outcome.ok) throw refused(outcome);
  return json({ receivable: toApiReceivable(outcome.value) });
}
