import type { SubmissionResult } from "@conform-to/react";

/**
 * What the receivables tab posts. Every intent that acts on a row names it
 * `receivableId` (the invoice, or for apply-payment and void-payment the
 * payment); `invoiceId` is only ever the invoice a payment goes to
 * (record-payment, apply-payment). Browser-safe.
 */
export const RECEIVABLE_INTENTS = [
  "create-invoice",
  "update-invoice",
  "send-invoice",
  "void-invoice",
  "delete-invoice",
  "record-payment",
  "apply-payment",
  "void-payment",
] as const;
export type ReceivableIntent = (typeof RECEIVABLE_INTENTS)[number];

/** The steps that ask first. */
export const CONFIRM_ACTIONS = ["void-invoice", "delete-invoice", "void-payment"] as const;
export type ConfirmAction = (typeof CONFIRM_ACTIONS)[number];

export function isConfirmAction(value: unknown): value is ConfirmAction {
  return typeof value === "string" && (CONFIRM_ACTIONS as readonly string[]).includes(value);
}

/**
 * What the tab's action answers when it changes nothing: 400 with the form's
 * submission (field errors, what was typed), or 409 with the domain's reason.
 */
export interface ReceivableActionFailure {
  intent: ReceivableIntent;
  receivableId: string | null;
  /** record-payment: the invoice the form was paying, so it opens again for it. */
  invoiceId?: string | null;
  result?: SubmissionResult<string[]>;
  message?: string;
}
