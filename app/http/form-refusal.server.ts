import { json } from "@remix-run/node";
import type { Outcome } from "~/agreements/lifecycle.server";
import { notFound } from "./responses.server";
import type { Replyable } from "./stale-edit.server";

/**
 * A refused domain outcome as a page's answer to one of its forms: 404
 * (thrown) for not found, 409 with the domain's reason for a conflict, 400
 * with field errors for invalid input. `which` says which form failed (its
 * intent and row), so the page shows that form again; `submission` keeps what
 * was typed, when the form had fields; `formFields` renames the domain's
 * field names (the API's) to the form's.
 */
export function formRefusal<Which extends object>(
  which: Which,
  submission: Replyable | undefined,
  outcome: Exclude<Outcome<unknown>, { ok: true }>,
  formFields: (issues: Record<string, string[]>) => Record<string, string[]>,
): Response {
  if (outcome.reason === "not_found") throw notFound();
  if (outcome.reason === "conflict") return json({ ...which, message: outcome.message, result: submission?.reply() }, { status: 409 });
  const fieldErrors = formFields(outcome.issues);
  return json(
    { ...which, result: submission?.reply({ fieldErrors }), message: submission ? undefined : Object.values(fieldErrors).flat().join(" ") },
    { status: 400 },
  );
}
