import { ARTIFACT_STATUS_LABELS, type ArtifactStatus } from "./constants";

/**
 * The artifact workflow of DOMAIN.md as one table: which status may follow
 * which, what each move is called on its button, and which moves write an
 * event to the customer's timeline. Browser-safe: the artifact page offers
 * the moves of allowedMoves(); the domain (writes.server.ts) checks canMove()
 * again under the row's lock and refuses anything else with a 409.
 *
 *   draft → in_progress → review → final
 *   review → in_progress (changes requested), final → in_progress (reopened)
 *   any status → archived, archived → draft
 */

/** The name of a move: what it does, whatever status it starts from. */
export type MoveKind = "start" | "send_to_review" | "request_changes" | "approve" | "reopen" | "archive" | "restore";

export interface Move {
  from: ArtifactStatus;
  to: ArtifactStatus;
  kind: MoveKind;
  /** The button's text. */
  label: string;
  /** Whether it writes an event to the customer's timeline (review, approval, reopening). */
  recordsEvent: boolean;
}

const KINDS: Record<MoveKind, { label: string; recordsEvent: boolean }> = {
  start: { label: "Start work", recordsEvent: false },
  send_to_review: { label: "Send to review", recordsEvent: true },
  request_changes: { label: "Request changes", recordsEvent: false },
  approve: { label: "Approve", recordsEvent: true },
  reopen: { label: "Reopen", recordsEvent: true },
  archive: { label: "Archive", recordsEvent: false },
  restore: { label: "Restore to draft", recordsEvent: false },
};

// Per status, its moves in the order the page shows them (forward first).
const TABLE: Record<ArtifactStatus, ReadonlyArray<readonly [ArtifactStatus, MoveKind]>> = {
  draft: [
    ["in_progress", "start"],
    ["archived", "archive"],
  ],
  in_progress: [
    ["review", "send_to_review"],
    ["archived", "archive"],
  ],
  review: [
    ["final", "approve"],
    ["in_progress", "request_changes"],
    ["archived", "archive"],
  ],
  final: [
    ["in_progress", "reopen"],
    ["archived", "archive"],
  ],
  archived: [["draft", "restore"]],
};

/** The moves allowed from `status`, in the order a page shows them; none for an unknown status. */
export function allowedMoves(status: ArtifactStatus): Move[] {
  const moves = Object.hasOwn(TABLE, status) ? TABLE[status] : [];
  return moves.map(([to, kind]) => ({ from: status, to, kind, ...KINDS[kind] }));
}

/** The move from `from` to `to`, or null when the workflow does not allow it. */
export function findMove(from: ArtifactStatus, to: ArtifactStatus): Move | null {
  return allowedMoves(from).find((move) => move.to === to) ?? null;
}

export function canMove(from: ArtifactStatus, to: ArtifactStatus): boolean {
  return findMove(from, to) !== null;
}

/**
 * The timeline event's title for a move that records one, e.g.
 * "Artifact 'Brand guide' approved"; null for a move that records none.
 */
export function moveEventTitle(move: Move, title: string): string | null {
  if (!move.recordsEvent) return null;
  const done: Partial<Record<MoveKind, string>> = { send_to_review: "sent to review", approve: "approved", reopen: "reopened" };
  return `Artifact '${title}' ${done[move.kind]}`;
}

/** Why a move is refused (the 409's message). */
export function refusedMoveMessage(from: ArtifactStatus, to: ArtifactStatus): string {
  const label = (status: ArtifactStatus) => ARTIFACT_STATUS_LABELS[status].toLowerCase();
  if (from === to) return `This artifact is already ${label(to)}.`;
  const allowed = allowedMoves(from).map((move) => label(move.to));
  return `An artifact cannot move from ${label(from)} to ${label(to)}. From ${label(from)} it can go to: ${allowed.join(", ")}.`;
}

/** Why a move pressed on a page that showed another status is refused (the 409's message). */
export function movedSinceMessage(now: ArtifactStatus): string {
  return `Someone else changed this artifact's status since you opened it: it is now ${ARTIFACT_STATUS_LABELS[now].toLowerCase()}. Nothing was changed.`;
}
