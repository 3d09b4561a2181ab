import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";
import { toApiReceivable } from "~/receivables/api-shape.server";
import { getReceivable } from "~/receivables/receivables.server";
import { UpdateReceivableApiSchema } from "~/receivables/schemas";
import { deleteReceivable, updateReceivable } from "~/receivables/writes.server";

const ALLOWED = ["GET", "PATCH", "DELETE"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  // A malformed id, another user's, one under an archived customer: all null.
  const receivable = await getReceivable({ userId, receivableId: params.rid ?? "" });
  if (!receivable) throw notFound();
  return json({ receivable: toApiReceivable(receivable) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), receivableId: params.rid ?? "" };
  switch (request.method) {
    case "PATCH": {
      const patch = await readJsonBody(request, UpdateReceivableApiSchema);
      const outcome = await updateReceivable({ ...ref, patch });
      if (!outcome.ok) throw refused(outcome);
      return json({ receivable: toApiReceivable(outcome.value) });
    }
    case "DELETE": {
      // 409 unless a draft invoice: the rest are voided, never deleted.
      const outcome = await deleteReceivable(ref);
      if (!outcome.ok) throw refused(outcome);
      return json({ receivable: toApiReceivable(outcome.value) });
    }
    default:
      throw methodNotAllowed(ALLOWED);
  }
}
