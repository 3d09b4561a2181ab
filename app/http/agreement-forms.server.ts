import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { AgreementActionFailure, AgreementIntent } from "~/agreements/actions";
import { getAgreement } from "~/agreements/agreements.server";
import type { Outcome } from "~/agreements/lifecycle.server";
import type { CustomerRef } from "~/customers/ownership.server";
import { notFound } from "./responses.server";

/**
 * What a page's agreement forms share at the HTTP edge: finding the agreement
 * a form names, and answering a domain outcome that changed nothing.
 */

/**
 * The id of the agreement the form names (`agreementId`), if it is the user's
 * and belongs to the customer of the page (a live one); a 404 otherwise —
 * missing, malformed, another user's or another customer's read the same.
 */
export async function requireCustomerAgreement(ref: CustomerRef, formData: FormData): Promise<string> {
  const agreementId = formData.get("agreementId");
  if (typeof agreementId !== "string") throw notFound();
  const agreement = await getAgreement({ userId: ref.userId, agreementId });
  if (!agreement || agreement.customerId !== ref.customerId) throw notFound();
  return agreement.id;
}

// The domain reports issues by API field ("pricing.amount", "end_date"); the
// form's fields are flat and camelCase.
const FORM_FIELD: Record<string, string> = {
  start_date: "startDate",
  end_date: "endDate",
  notice_days: "noticeDays",
  "pricing.hours_included": "hoursIncluded",
  "pricing.hours_cap": "hoursCap",
};

export function formFieldErrors(issues: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(issues).map(([key, messages]) => [FORM_FIELD[key] ?? key.replace(/^pricing\./, ""), messages]),
  );
}

type Replyable = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/**
 * A refused outcome as the page's answer: 404 (thrown) for not found, 409
 * with the domain's reason for a conflict, 400 with field errors for invalid
 * input. `submission` keeps what was typed, when the form had fields.
 */
export function refusal(
  failure: { intent: AgreementIntent; agreementId: string | null; submission?: Replyable },
  outcome: Exclude<Outcome<unknown>, { ok: true }>,
): Response {
  const { intent, agreementId, submission } = failure;
  if (outcome.reason === "not_found") throw notFound();
  if (outcome.reason === "conflict") {
    return json<AgreementActionFailure>({ intent, agreementId, message: outcome.message, result: submission?.reply() }, { status: 409 });
  }
  const fieldErrors = formFieldErrors(outcome.issues);
  return json<AgreementActionFailure>(
    { intent, agreementId, result: submission?.reply({ fieldErrors }), message: submission ? undefined : Object.values(fieldErrors).flat().join(" ") },
    { status: 400 },
  );
}
