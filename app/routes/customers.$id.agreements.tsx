import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { AgreementActionFailure, AgreementIntent } from "~/agreements/actions";
import { loadAgreementsTab } from "~/agreements/agreements.server";
import { AgreementsTab } from "~/agreements/components/AgreementsTab";
import { AGREEMENT_TYPE_LABELS } from "~/agreements/constants";
import {
  createAgreement,
  deleteAgreement,
  editAgreement,
  renewAgreement,
  resumeAgreement,
  suspendAgreement,
  terminateAgreement,
} from "~/agreements/lifecycle.server";
import { AGREEMENT_FORM_FIELDS, AGREEMENT_FORM_LABELS, AgreementFormSchema, TerminateFormSchema } from "~/agreements/schemas";
import { requireUser, requireUserId } from "~/auth/session.server";
import { CustomerErrorBoundary } from "~/customers/components/CustomerErrorBoundary";
import { refusal, requireCustomerAgreement } from "~/http/agreement-forms.server";
import { loadCustomerTabPage } from "~/http/customer-tab.server";
import { notFound, unknownIntent } from "~/http/responses.server";
import { staleEditReply } from "~/http/stale-edit.server";
import { formValuesOf, openedWithOf } from "~/utils/edit-merge";
import { formatDate, isoDateIn } from "~/utils/format";
import { readFormData } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // One statement: the customer (shared with the layout) and its agreements.
  const { agreements } = await loadCustomerTabPage(request, params, loadAgreementsTab);
  // The session lookup (already made, and memoised per request) brings the settings.
  const { settings } = await requireUser(request);
  return json({
    agreements: agreements.map((row) => ({
      id: row.id,
      scope: row.scope,
      type: row.type,
      startDate: row.startDate,
      endDate: row.endDate,
      noticeDays: row.noticeDays,
      pricing: row.pricing,
      status: row.status,
      daysLeft: row.daysLeft,
      billed: row.billed,
      paid: row.paid,
      outstanding: row.outstanding,
      terminatedOn: row.terminatedOn,
      terminationReason: row.terminationReason,
      renewalOf: row.renewalOf,
    })),
    currency: settings.currency,
    // The termination date's default; the statuses themselves are computed in SQL.
    today: isoDateIn(settings.timeZone),
  });
}

function invalid(intent: AgreementIntent, agreementId: string | null, result: SubmissionResult<string[]>) {
  return json<AgreementActionFailure>({ intent, agreementId, result }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { userId: await requireUserId(request), customerId: params.id ?? "" };
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const done = (message: string) => redirectWithToast(`/customers/${ref.customerId}/agreements`, { kind: "success", message });

  switch (intent) {
    case "create-agreement": {
      const submission = parseWithZod(formData, { schema: AgreementFormSchema });
      if (submission.status !== "success") return invalid(intent, null, submission.reply());
      if (!(await createAgreement({ ...ref, input: submission.value }))) throw notFound();
      return done("Agreement created.");
    }
    case "update-agreement": {
      const agreementId = await requireCustomerAgreement(ref, formData);
      const submission = parseWithZod(formData, { schema: AgreementFormSchema });
      if (submission.status !== "success") return invalid(intent, agreementId, submission.reply());
      const outcome = await editAgreement({
        userId: ref.userId,
        agreementId,
        input: submission.value,
        posted: formValuesOf(submission.payload, AGREEMENT_FORM_FIELDS),
        opened: openedWithOf(formData, AGREEMENT_FORM_FIELDS),
      });
      if ("stale" in outcome) {
        const result = staleEditReply(submission, outcome.stale, AGREEMENT_FORM_LABELS, (field, value) =>
          field === "type" ? (AGREEMENT_TYPE_LABELS[value as keyof typeof AGREEMENT_TYPE_LABELS] ?? value) : value,
        );
        return json<AgreementActionFailure>({ intent, agreementId, result }, { status: 409 });
      }
      return outcome.ok ? done("Agreement saved.") : refusal({ intent, agreementId, submission }, outcome);
    }
    case "terminate-agreement": {
      const agreementId = await requireCustomerAgreement(ref, formData);
      const submission = parseWithZod(formData, { schema: TerminateFormSchema });
      if (submission.status !== "success") return invalid(intent, agreementId, submission.reply());
      const { date, reason } = submission.value;
      const outcome = await terminateAgreement({ userId: ref.userId, agreementId, date, reason });
      if (!outcome.ok) return refusal({ intent, agreementId, submission }, outcome);
      return done(`Agreement terminated on ${formatDate(outcome.value.terminatedOn)}.`);
    }
    case "suspend-agreement":
    case "resume-agreement":
    case "renew-agreement":
    case "delete-agreement": {
      const agreementId = await requireCustomerAgreement(ref, formData);
      const agreementRef = { userId: ref.userId, agreementId };
      const outcome = await {
        "suspend-agreement": suspendAgreement,
        "resume-agreement": resumeAgreement,
        "renew-agreement": renewAgreement,
        "delete-agreement": deleteAgreement,
      }[intent](agreementRef);
      if (!outcome.ok) return refusal({ intent, agreementId }, outcome);
      if (intent === "renew-agreement") {
        const { startDate, endDate } = outcome.value;
        return done(`Agreement renewed: the new one runs from ${formatDate(startDate)} to ${formatDate(endDate)}.`);
      }
      return done({ "suspend-agreement": "Agreement suspended.", "resume-agreement": "Agreement resumed.", "delete-agreement": "Agreement deleted." }[intent]);
    }
    default:
      return unknownIntent();
  }
}

export default function AgreementsRoute() {
  const { agreements, currency, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "intent" in actionData ? (actionData as AgreementActionFailure) : null;
  return <AgreementsTab agreements={agreements} currency={currency} today={today} failure={failure} />;
}

export function ErrorBoundary() {
  return <CustomerErrorBoundary />;
}
