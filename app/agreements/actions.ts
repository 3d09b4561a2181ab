import type { SubmissionResult } from "@conform-to/react";
import type { AgreementStatus } from "./constants";

/**
 * What the agreements tab can do to an agreement, and which of it the tab
 * offers from each computed status. The domain (lifecycle.server.ts) decides
 * for itself and answers 409 to anything else; tests/pages/agreements.test.ts
 * checks the two agree, status by status. Browser-safe.
 */

export const AGREEMENT_INTENTS = [
  "create-agreement",
  "update-agreement",
  "terminate-agreement",
  "suspend-agreement",
  "resume-agreement",
  "renew-agreement",
  "delete-agreement",
] as const;
export type AgreementIntent = (typeof AGREEMENT_INTENTS)[number];

/** The lifecycle actions, each behind a confirmation. */
export const LIFECYCLE_ACTIONS = ["renew", "suspend", "resume", "terminate", "delete"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const LIFECYCLE_INTENT: Record<LifecycleAction, AgreementIntent> = {
  terminate: "terminate-agreement",
  suspend: "suspend-agreement",
  resume: "resume-agreement",
  renew: "renew-agreement",
  delete: "delete-agreement",
};

export const LIFECYCLE_LABELS: Record<LifecycleAction, string> = {
  terminate: "Terminate",
  suspend: "Suspend",
  resume: "Resume",
  renew: "Renew",
  delete: "Delete",
};

export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return typeof value === "string" && (LIFECYCLE_ACTIONS as readonly string[]).includes(value);
}

export interface ActionableAgreement {
  status: AgreementStatus;
  startDate: string | null;
  endDate: string | null;
}

/**
 * The lifecycle actions allowed from the agreement's status (DOMAIN.md):
 * terminate unless terminated; suspend unless terminated or suspended; resume
 * only when suspended; renew when it has both dates, is not terminated and
 * has no successor yet; delete always (refused while invoices or projects
 * point at it, which only the server knows).
 */
export function allowedActions(agreement: ActionableAgreement, { renewed }: { renewed: boolean }): LifecycleAction[] {
  const { status } = agreement;
  const allowed: Record<LifecycleAction, boolean> = {
    renew: status !== "terminated" && Boolean(agreement.startDate && agreement.endDate) && !renewed,
    suspend: status !== "terminated" && status !== "suspended",
    resume: status === "suspended",
    terminate: status !== "terminated",
    delete: true,
  };
  return LIFECYCLE_ACTIONS.filter((action) => allowed[action]);
}

/**
 * What the tab's action answers when it changes nothing: a 400 with the
 * form's submission (field errors, what was typed), or a 409 with the
 * domain's reason (and the submission, when the form had fields).
 */
export interface AgreementActionFailure {
  intent: AgreementIntent;
  agreementId: string | null;
  result?: SubmissionResult<string[]>;
  message?: string;
}
