import { Form } from "@remix-run/react";
import { Icon, type IconName } from "~/components/icons/Icon";
import { primaryButtonClass, secondaryButtonClass } from "~/components/Field";
import { StatusButton } from "~/components/StatusButton";
import { usePendingFormData, useSubmissionGuard } from "~/utils/pending";
import type { ArtifactStatus } from "../constants";
import { allowedMoves, type MoveKind } from "../workflow";

const ICONS: Record<MoveKind, IconName> = {
  start: "play",
  send_to_review: "send",
  request_changes: "undo-2",
  approve: "check-circle-2",
  reopen: "rotate-ccw",
  archive: "archive",
  restore: "rotate-ccw",
};

// The move the workflow is there for looks like the page's main action;
// stepping back or aside does not.
const FORWARD: ReadonlySet<MoveKind> = new Set(["start", "send_to_review", "approve"]);

/**
 * The workflow moves the artifact's status allows (../workflow), as the
 * submit buttons of one form: each posts `artifact-status` with the status
 * it moves to (and the status it moves from). The server checks the move again and answers 409 to one the
 * status no longer allows (another tab moved it first).
 */
export function WorkflowButtons({ status, title }: { status: ArtifactStatus; title: string }) {
  const pending = usePendingFormData({ intent: "artifact-status" });
  const onSubmit = useSubmissionGuard();
  const moves = allowedMoves(status);
  if (moves.length === 0) return null;
  return (
    <Form method="post" preventScrollReset className="flex flex-wrap gap-2" onSubmit={onSubmit} aria-label={`Workflow of ${title}`}>
      <input type="hidden" name="intent" value="artifact-status" />
      {/* The status the buttons were offered for: a move pressed after another tab moved it is refused, not reinterpreted. */}
      <input type="hidden" name="from" value={status} />
      {moves.map((move) => {
        const icon = ICONS[move.kind];
        return (
          <StatusButton
            key={move.kind}
            name="status"
            value={move.to}
            className={FORWARD.has(move.kind) ? primaryButtonClass : secondaryButtonClass}
            pending={pending?.get("status") === move.to}
            disabled={pending !== null}
            pendingLabel={`${move.label}…`}
            icon={<Icon name={icon} className="h-4 w-4" />}
          >
            {move.label}
          </StatusButton>
        );
      })}
    </Form>
  );
}
