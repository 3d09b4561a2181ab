import { ARTIFACT_STATUSES, type ArtifactStatus } from "./constants";
import { allowedMoves, canMove, findMove, moveEventTitle, refusedMoveMessage } from "./workflow";

// DOMAIN.md's workflow written out as every allowed pair, so that the table in
// workflow.ts is checked against the rule rather than against itself.
const ALLOWED: Array<[ArtifactStatus, ArtifactStatus, string, boolean]> = [
  ["draft", "in_progress", "Start work", false],
  ["in_progress", "review", "Send to review", true],
  ["review", "final", "Approve", true],
  ["review", "in_progress", "Request changes", false],
  ["final", "in_progress", "Reopen", true],
  ["draft", "archived", "Archive", false],
  ["in_progress", "archived", "Archive", false],
  ["review", "archived", "Archive", false],
  ["final", "archived", "Archive", false],
  ["archived", "draft", "Restore to draft", false],
];

const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
const everyPair = ARTIFACT_STATUSES.flatMap((from) => ARTIFACT_STATUSES.map((to) => [from, to] as const));

describe("the artifact workflow", () => {
  it.each(ALLOWED)("allows %s → %s as '%s' (records an event: %s)", (from, to, label, recordsEvent) => {
    expect(canMove(from, to)).toBe(true);
    expect(findMove(from, to)).toMatchObject({ from, to, label, recordsEvent });
  });

  it.each(everyPair.filter(([from, to]) => !allowed.has(`${from}>${to}`)))("refuses %s → %s", (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(findMove(from, to)).toBeNull();
    expect(refusedMoveMessage(from, to)).toMatch(/cannot move|already/);
  });

  it("offers from each status exactly the allowed moves, forward first", () => {
    for (const from of ARTIFACT_STATUSES) {
      const expected = ALLOWED.filter(([start]) => start === from).map(([, to]) => to);
      expect(allowedMoves(from).map((move) => move.to).sort()).toEqual([...expected].sort());
    }
    expect(allowedMoves("review").map((move) => move.label)).toEqual(["Approve", "Request changes", "Archive"]);
  });

  it("offers nothing from a status it does not know", () => {
    expect(allowedMoves("published" as ArtifactStatus)).toEqual([]);
    expect(allowedMoves("__proto__" as ArtifactStatus)).toEqual([]);
    expect(canMove("draft", "published" as ArtifactStatus)).toBe(false);
  });

  it("titles the events of review, approval and reopening, and only those", () => {
    expect(moveEventTitle(findMove("in_progress", "review")!, "Brand guide")).toBe("Artifact 'Brand guide' sent to review");
    expect(moveEventTitle(findMove("review", "final")!, "Brand guide")).toBe("Artifact 'Brand guide' approved");
    expect(moveEventTitle(findMove("final", "in_progress")!, "Brand guide")).toBe("Artifact 'Brand guide' reopened");
    for (const [from, to, , recordsEvent] of ALLOWED) {
      expect(moveEventTitle(findMove(from, to)!, "X") !== null).toBe(recordsEvent);
    }
  });

  it("says what is possible instead when it refuses", () => {
    expect(refusedMoveMessage("draft", "final")).toBe(
      "An artifact cannot move from draft to final. From draft it can go to: in progress, archived.",
    );
    expect(refusedMoveMessage("archived", "archived")).toBe("This artifact is already archived.");
  });
});
