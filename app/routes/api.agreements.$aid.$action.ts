import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { AgreementRef, AgreementRow } from "~/agreements/agreements.server";
import { toApiAgreement } from "~/agreements/api-shape.server";
import { renewAgreement, resumeAgreement, suspendAgreement, terminateAgreement, type Outcome } from "~/agreements/lifecycle.server";
import { NoFieldsApiSchema, TerminateApiSchema } from "~/agreements/schemas";
import { requireUserId } from "~/auth/session.server";
import { readJsonBody } from "~/http/json-body.server";
import { methodNotAllowed, notFound, refused } from "~/http/responses.server";

/**
 * POST /api/agreements/<aid>/terminate | suspend | resume | renew: the
 * lifecycle actions of DOMAIN.md. Each answers the agreement it leaves behind
 * (renew: the successor, 201), or 400 / 404 / 409 (not allowed from its
 * status). The body may be left out: terminate reads `{ date?, reason? }`,
 * the others take no field. Any other action name is an unknown path: 404.
 */

interface LifecycleAction {
  status: 200 | 201;
  run: (request: Request, ref: AgreementRef) => Promise<Outcome<AgreementRow>>;
}

/** An action that takes no field: the body is an empty object, or left out. */
function withoutFields(status: LifecycleAction["status"], act: (ref: AgreementRef) => Promise<Outcome<AgreementRow>>): LifecycleAction {
  return {
    status,
    run: async (request, ref) => {
      await readJsonBody(request, NoFieldsApiSchema, { optional: true });
      return act(ref);
    },
  };
}

const ACTIONS: Record<string, LifecycleAction> = {
  terminate: {
    status: 200,
    run: async (request, ref) => {
      const { date, reason } = await readJsonBody(request, TerminateApiSchema, { optional: true });
      return terminateAgreement({ ...ref, date, reason });
    },
  },
  suspend: withoutFields(200, suspendAgreement),
  resume: withoutFields(200, resumeAgreement),
  renew: withoutFields(201, renewAgreement),
};

const ALLOWED = ["POST"] as const;

function lifecycleAction(name: string | undefined): LifecycleAction | undefined {
  return name !== undefined && Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserId(request);
  if (!lifecycleAction(params.action)) throw notFound();
  throw methodNotAllowed(ALLOWED);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await requireUserId(request);
  const chosen = lifecycleAction(params.action);
  if (!chosen) throw notFound();
  if (request.method !== "POST") throw methodNotAllowed(ALLOWED);
  const outcome = await chosen.run(request, { userId, agreementId: params.aid ?? "" });
  if (!outcome.ok) throw refused(outcome);
  return json({ agreement: toApiAgreement(outcome.value) }, { status: chosen.status });
}
