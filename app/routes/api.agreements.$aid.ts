import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getAgreement } from "~/agreements/agreements.server";
import { toApiAgreement } from "~/agreements/api-shape.server";
import { deleteAgreement, updateAgreement } from "~/agreements/lifecycle.server";
import { UpdateAgreementApiSchema } from "~/agreements/schemas";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";

const ALLOWED = ["GET", "PATCH", "DELETE"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  // A malformed id, another user's, one under an archived customer: all null.
  const agreement = await getAgreement({ userId, agreementId: params.aid ?? "" });
  if (!agreement) throw notFound();
  return json({ agreement: toApiAgreement(agreement) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), agreementId: params.aid ?? "" };
  switch (request.method) {
    case "PATCH": {
      const patch = await readJsonBody(request, UpdateAgreementApiSchema);
      const outcome = await updateAgreement({ ...ref, patch });
      if (!outcome.ok) throw refused(outcome);
      return json({ agreement: toApiAgreement(outcome.value) });
    }
    case "DELETE": {
      // 409 while invoices, payments or projects point at it.
      const outcome = await deleteAgreement(ref);
      if (!outcome.ok) throw refused(outcome);
      return json({ agreement: toApiAgreement(outcome.value) });
    }
    default:
      throw methodNotAllowed(ALLOWED);
  }
}
