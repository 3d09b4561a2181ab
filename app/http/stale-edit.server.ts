import type { SubmissionResult } from "@conform-to/react";
import { changedByOthersMessage, OPENED_WITH, type EditMerge } from "~/utils/edit-merge";

/**
 * Answering an edit form that was refused because someone else changed what
 * it changes since it was opened (docs/decisions/0012): the page shows the
 * form again, with a 409.
 */

export type Replyable = {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
};

export const STALE_EDIT_SUMMARY =
  "Someone else saved changes here since you opened this form. What you typed is kept: save again to keep it, or cancel to keep theirs.";

/**
 * The refusal as the form's last result: the user's values where they
 * changed one and the current ones elsewhere, each field they both changed
 * saying what it reads now, and the current values as the new opened-with, so
 * that saving again is a choice made knowing them. `shown` turns a stored
 * value into words (a select's label).
 */
export function staleEditReply(
  submission: Replyable,
  merge: EditMerge,
  labels: Readonly<Record<string, string>>,
  shown: (field: string, value: string) => string = (_field, value) => value,
): SubmissionResult<string[]> {
  const fieldErrors = Object.fromEntries(
    merge.conflicts.map((field) => [field, [changedByOthersMessage(labels[field] ?? field, shown(field, merge.current[field] ?? ""))]]),
  );
  const reply = submission.reply({ formErrors: [STALE_EDIT_SUMMARY], fieldErrors });
  return { ...reply, initialValue: { ...reply.initialValue, ...merge.merged, [OPENED_WITH]: JSON.stringify(merge.current) } };
}
