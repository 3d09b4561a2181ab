import { ARTIFACT_STATUSES, type ArtifactStatus } from "~/projects/constants";
import { allowedMoves } from "~/projects/workflow";
import { api, customerFor, jsonOf, signedInUser, type TestUser } from "./helpers";
import { artifactVia, moveVia, projectsSnapshot, projectVia, type ArtifactBody } from "./project-helpers";
import type { ConflictBody } from "./agreement-helpers";
import { ownerPrisma as prisma } from "../setup/owner";

// POST /api/artifacts/<id>/status through every pair of statuses: each move
// DOMAIN.md allows answers 200 (with the timeline event for review, approval
// and reopening), every other one a 409 that writes nothing. The pairs are
// written out here, not read from the workflow table they test.

const ALLOWED: Array<[ArtifactStatus, ArtifactStatus, string | null]> = [
  ["draft", "in_progress", null],
  ["in_progress", "review", "sent to review"],
  ["review", "final", "approved"],
  ["review", "in_progress", null],
  ["final", "in_progress", "reopened"],
  ["draft", "archived", null],
  ["in_progress", "archived", null],
  ["review", "archived", null],
  ["final", "archived", null],
  ["archived", "draft", null],
];

// How to reach each status from a new draft.
const PATH_TO: Record<ArtifactStatus, ArtifactStatus[]> = {
  draft: [],
  in_progress: ["in_progress"],
  review: ["in_progress", "review"],
  final: ["in_progress", "review", "final"],
  archived: ["archived"],
};

let user: TestUser;
let customer: { id: string };
let project: { id: string };

beforeAll(async () => {
  user = await signedInUser();
  customer = await customerFor(user, { name: "Workflow Co", status: "live" });
  project = await projectVia(user, customer.id, { name: "Workflow", status: "active" });
});

async function artifactIn(status: ArtifactStatus, title: string) {
  const artifact = await artifactVia(user, project.id, { title });
  for (const step of PATH_TO[status]) expect((await moveVia(user, artifact.id, step)).status).toBe(200);
  return artifact;
}

const eventTitles = async () =>
  (await prisma().customerEvent.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" } })).map((event) => event.title);

describe.each(ALLOWED)("%s → %s", (from, to, event) => {
  it(`is allowed${event ? `, and the timeline says "${event}"` : ", without a timeline event"}`, async () => {
    const artifact = await artifactIn(from, `Move ${from} to ${to}`);
    const before = await eventTitles();
    const response = await moveVia(user, artifact.id, to);
    expect(response.status).toBe(200);
    expect((await jsonOf<ArtifactBody>(response)).artifact).toMatchObject({ id: artifact.id, status: to });
    const added = (await eventTitles()).slice(before.length);
    expect(added).toEqual(event ? [`Artifact 'Move ${from} to ${to}' ${event}`] : []);
  });
});

const allowedPairs = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
const REFUSED = ARTIFACT_STATUSES.flatMap((from) => ARTIFACT_STATUSES.filter((to) => !allowedPairs.has(`${from}>${to}`)).map((to) => [from, to] as const));

describe("every other move is a 409 with a message, writing nothing", () => {
  it.each(REFUSED)("%s → %s", async (from, to) => {
    const artifact = await artifactIn(from, `Refuse ${from} to ${to}`);
    const before = await projectsSnapshot();
    for (const send of [() => moveVia(user, artifact.id, to), () => api("PATCH", `/api/artifacts/${artifact.id}`, { cookie: user.cookie, body: { status: to, title: "Changed" } })]) {
      const response = await send();
      if (from === to && response.status === 200) continue; // PATCH to the same status changes only the title: checked below.
      expect(response.status).toBe(409);
      const body = await jsonOf<ConflictBody>(response);
      expect(body.error).toBe("conflict");
      expect(body.message).toMatch(/cannot move|already/);
    }
    if (from !== to) expect(await projectsSnapshot()).toEqual(before);
  });
});

it("the table checked here and the one the page offers agree", () => {
  const offered = ARTIFACT_STATUSES.flatMap((from) => allowedMoves(from).map((move) => `${move.from}>${move.to}`));
  expect(offered.sort()).toEqual([...allowedPairs].sort());
});

it("a move with a from-status the artifact has left is a 409", async () => {
  const artifact = await artifactIn("review", "Moved under me");
  expect((await moveVia(user, artifact.id, "final")).status).toBe(200);
  const response = await api("POST", `/api/artifacts/${artifact.id}/status`, { cookie: user.cookie, body: { status: "in_progress", from: "review" } });
  expect(response.status).toBe(409);
  expect((await jsonOf<ConflictBody>(response)).message).toMatch(/it is now final/);
  expect(await prisma().artifact.findUnique({ where: { id: artifact.id } })).toMatchObject({ status: "final" });
});

it("racing approvals: exactly one passes and one event is written", async () => {
  const artifact = await artifactIn("review", "Raced");
  const before = (await eventTitles()).length;
  const responses = await Promise.all([1, 2, 3].map(() => moveVia(user, artifact.id, "final")));
  expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
  expect((await eventTitles()).slice(before)).toEqual(["Artifact 'Raced' approved"]);
});
