import { randomUUID } from "node:crypto";
import { createAgreement } from "~/agreements/lifecycle.server";
import { archiveCustomer } from "~/customers/archive.server";
import { ARTIFACT_STATUSES, type ArtifactStatus } from "~/projects/constants";
import type { ProjectInput } from "~/projects/schemas";
import { getArtifact, getProject, getProjectWithArtifacts, listArtifacts, listProjectBoard } from "~/projects/queries.server";
import {
  createArtifact,
  createProject,
  deleteArtifact,
  deleteProject,
  editArtifact,
  editProject,
  moveArtifact,
  setProjectStatus,
  updateArtifact,
  updateProject,
} from "~/projects/writes.server";
import { insertCustomer } from "../../prisma/factories";
import { ownerPrisma } from "../setup/owner";
import { newTenant, sql, type Tenant } from "../support/db";

/**
 * The projects domain called directly (no HTTP): scoping under the URL's
 * customer, same-customer agreement links, the artifact workflow with its
 * timeline events and its row lock, the board's counts, edits that do not
 * lose someone else's change, and what the database itself refuses.
 */

const tenant = newTenant;

async function secondCustomer(owner: Tenant, name: string): Promise<Tenant> {
  const customer = await insertCustomer(ownerPrisma(), owner.userId, { name, status: "live", info: {} });
  return { userId: owner.userId, customerId: customer.id };
}

const PROJECT: ProjectInput = { name: "Website relaunch", description: null, status: "active", agreementId: null };
const ARTIFACT = { title: "Brand guide", type: "document" as const, content: "# Brand\n\nColours." };

async function projectOf(owner: Tenant, input: Partial<ProjectInput> = {}) {
  const outcome = await createProject({ ...owner, input: { ...PROJECT, ...input } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.value;
}

async function artifactOf(owner: Tenant, projectId: string, title = ARTIFACT.title) {
  const outcome = await createArtifact({ userId: owner.userId, projectId, input: { ...ARTIFACT, title } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.value;
}

/** Moves an artifact through `path` (each step must be allowed). */
async function walk(owner: Tenant, artifactId: string, path: ArtifactStatus[]) {
  for (const status of path) {
    const outcome = await moveArtifact({ userId: owner.userId, artifactId, status });
    expect(outcome, `→ ${status}`).toMatchObject({ ok: true, value: { status } });
  }
}

const eventsOf = (customerId: string) =>
  ownerPrisma().customerEvent.findMany({ where: { customerId }, orderBy: { createdAt: "asc" }, select: { title: true, metadata: true } });

let alice: Tenant;
let bob: Tenant;

beforeAll(async () => {
  alice = await tenant("Alice");
  bob = await tenant("Bob");
});

describe("projects", () => {
  it("are created, read, changed and listed on the customer's board with every artifact status counted", async () => {
    const owner = await tenant("Board");
    const project = await projectOf(owner, { description: "Phase 1" });
    expect(project).toMatchObject({ customerId: owner.customerId, name: "Website relaunch", status: "active", agreementId: null });
    expect(project.artifactCounts).toEqual({ draft: 0, in_progress: 0, review: 0, final: 0, archived: 0 });

    const a = await artifactOf(owner, project.id, "A");
    await artifactOf(owner, project.id, "B");
    await walk(owner, a.id, ["in_progress", "review"]);
    const other = await projectOf(owner, { name: "Second", status: "planning" });

    const board = await listProjectBoard(owner);
    expect(board?.map((row) => row.name).sort()).toEqual(["Second", "Website relaunch"]);
    expect(board?.find((row) => row.id === project.id)?.artifactCounts).toEqual({ draft: 1, in_progress: 0, review: 1, final: 0, archived: 0 });
    expect(board?.find((row) => row.id === other.id)?.artifactCounts).toEqual({ draft: 0, in_progress: 0, review: 0, final: 0, archived: 0 });

    const renamed = await updateProject({ userId: owner.userId, projectId: project.id, patch: { name: "Relaunch", description: null } });
    expect(renamed).toMatchObject({ ok: true, value: { name: "Relaunch", description: null, status: "active" } });
    expect(await setProjectStatus({ ...owner, projectId: project.id, status: "on_hold" })).toMatchObject({ ok: true, value: { status: "on_hold" } });
  });

  it("a customer without projects has an empty board; a missing, foreign or archived customer has none", async () => {
    const empty = await tenant("Empty");
    expect(await listProjectBoard(empty)).toEqual([]);
    expect(await listProjectBoard({ userId: bob.userId, customerId: empty.customerId })).toBeNull();
    expect(await listProjectBoard({ userId: empty.userId, customerId: randomUUID() })).toBeNull();
    expect(await listProjectBoard({ userId: empty.userId, customerId: "nope" })).toBeNull();
    await archiveCustomer(empty);
    expect(await listProjectBoard(empty)).toBeNull();
  });

  it("links only an agreement of the same customer; another customer's or user's reads like a random id", async () => {
    const owner = await tenant("Linker");
    const sibling = await secondCustomer(owner, "Sibling Co");
    const own = await createAgreement({ ...owner, input: { scope: "Retainer", type: "other", startDate: null, endDate: null, noticeDays: 30, pricing: {} } });
    const siblings = await createAgreement({ ...sibling, input: { scope: "Other", type: "other", startDate: null, endDate: null, noticeDays: 30, pricing: {} } });
    const bobs = await createAgreement({ ...bob, input: { scope: "Bob's", type: "other", startDate: null, endDate: null, noticeDays: 30, pricing: {} } });

    const linked = await projectOf(owner, { agreementId: own!.id });
    expect(linked).toMatchObject({ agreementId: own!.id, agreementScope: "Retainer" });

    const refusals = await Promise.all(
      [siblings!.id, bobs!.id, randomUUID(), "not-a-uuid"].map((agreementId) => createProject({ ...owner, input: { ...PROJECT, agreementId } })),
    );
    for (const refusal of refusals) expect(refusal).toEqual({ ok: false, reason: "invalid", issues: { agreement_id: ["Choose an agreement of this customer"] } });

    const patched = await updateProject({ userId: owner.userId, projectId: linked.id, patch: { agreementId: siblings!.id } });
    expect(patched).toMatchObject({ ok: false, reason: "invalid" });
    expect(await updateProject({ userId: owner.userId, projectId: linked.id, patch: { agreementId: null } })).toMatchObject({ ok: true, value: { agreementId: null } });
    expect(await ownerPrisma().project.count({ where: { customerId: owner.customerId } })).toBe(1);
  });

  it("under the wrong customer's URL, another user's, or with a malformed id: not found, and nothing changes", async () => {
    const owner = await tenant("Scoped");
    const sibling = await secondCustomer(owner, "Wrong Co");
    const project = await projectOf(owner);
    const artifact = await artifactOf(owner, project.id);
    const wrongCustomer = { userId: owner.userId, customerId: sibling.customerId, projectId: project.id };

    expect(await getProject({ userId: owner.userId, projectId: project.id, customerId: owner.customerId })).not.toBeNull();
    expect(await getProject(wrongCustomer)).toBeNull();
    expect(await getProjectWithArtifacts(wrongCustomer)).toBeNull();
    expect(await listArtifacts(wrongCustomer)).toBeNull();
    expect(await getProject({ userId: bob.userId, projectId: project.id })).toBeNull();
    expect(await getProject({ userId: owner.userId, projectId: "x" })).toBeNull();
    expect(await updateProject({ ...wrongCustomer, patch: { name: "Hijacked" } })).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteProject(wrongCustomer)).toEqual({ ok: false, reason: "not_found" });
    expect(await createArtifact({ ...wrongCustomer, input: ARTIFACT })).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteProject({ userId: bob.userId, projectId: project.id })).toEqual({ ok: false, reason: "not_found" });

    const artifactUnder = (customerId: string, projectId: string) => ({ userId: owner.userId, artifactId: artifact.id, customerId, projectId });
    expect(await getArtifact(artifactUnder(owner.customerId, project.id))).toMatchObject({ title: "Brand guide", projectName: "Website relaunch" });
    expect(await getArtifact(artifactUnder(sibling.customerId, project.id))).toBeNull();
    const otherProject = await projectOf(owner, { name: "Other" });
    expect(await getArtifact(artifactUnder(owner.customerId, otherProject.id))).toBeNull();
    expect(await moveArtifact({ ...artifactUnder(owner.customerId, otherProject.id), status: "in_progress" })).toEqual({ ok: false, reason: "not_found" });
    expect(await moveArtifact({ userId: bob.userId, artifactId: artifact.id, status: "in_progress" })).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteArtifact({ userId: bob.userId, artifactId: artifact.id })).toEqual({ ok: false, reason: "not_found" });

    expect(await ownerPrisma().project.findUnique({ where: { id: project.id } })).toMatchObject({ name: "Website relaunch" });
    expect(await ownerPrisma().artifact.findUnique({ where: { id: artifact.id } })).toMatchObject({ status: "draft" });
  });

  it("of an archived customer are not found for any read or write", async () => {
    const owner = await tenant("Archived");
    const project = await projectOf(owner);
    const artifact = await artifactOf(owner, project.id);
    await archiveCustomer(owner);
    const ref = { userId: owner.userId, projectId: project.id };
    expect(await getProject(ref)).toBeNull();
    expect(await getArtifact({ userId: owner.userId, artifactId: artifact.id })).toBeNull();
    expect(await updateProject({ ...ref, patch: { name: "x" } })).toEqual({ ok: false, reason: "not_found" });
    expect(await createArtifact({ ...ref, input: ARTIFACT })).toEqual({ ok: false, reason: "not_found" });
    expect(await moveArtifact({ userId: owner.userId, artifactId: artifact.id, status: "in_progress" })).toEqual({ ok: false, reason: "not_found" });
    expect(await createProject({ ...owner, input: PROJECT })).toEqual({ ok: false, reason: "not_found" });
  });

  it("deleting one deletes its artifacts and says how many went", async () => {
    const owner = await tenant("Deleter");
    const project = await projectOf(owner);
    for (const title of ["One", "Two", "Three"]) await artifactOf(owner, project.id, title);
    const kept = await projectOf(owner, { name: "Kept" });
    await artifactOf(owner, kept.id);

    expect(await deleteProject({ ...owner, projectId: project.id })).toMatchObject({ ok: true, value: { artifactsDeleted: 3, project: { id: project.id } } });
    expect(await ownerPrisma().artifact.count({ where: { projectId: project.id } })).toBe(0);
    expect(await ownerPrisma().artifact.count({ where: { projectId: kept.id } })).toBe(1);
    expect(await getProject({ userId: owner.userId, projectId: project.id })).toBeNull();
  });
});

describe("the artifact workflow", () => {
  it("walks draft → in progress → review → final, writing the review and approval events", async () => {
    const project = await projectOf(alice, { name: "Workflow" });
    const artifact = await artifactOf(alice, project.id);
    expect(artifact.status).toBe("draft");
    const before = (await eventsOf(alice.customerId)).length;
    await walk(alice, artifact.id, ["in_progress", "review", "in_progress", "review", "final", "in_progress", "archived", "draft"]);
    const events = (await eventsOf(alice.customerId)).slice(before);
    expect(events.map((event) => event.title)).toEqual([
      "Artifact 'Brand guide' sent to review",
      "Artifact 'Brand guide' sent to review",
      "Artifact 'Brand guide' approved",
      "Artifact 'Brand guide' reopened",
    ]);
    expect(events[2]!.metadata).toMatchObject({ artifact_id: artifact.id, project_id: project.id, action: "approve", from: "review", to: "final" });
  });

  it("refuses every move the table does not allow, as a conflict that changes nothing", async () => {
    const project = await projectOf(alice, { name: "Refusals" });
    const paths: Record<ArtifactStatus, ArtifactStatus[]> = {
      draft: [],
      in_progress: ["in_progress"],
      review: ["in_progress", "review"],
      final: ["in_progress", "review", "final"],
      archived: ["archived"],
    };
    const allowed: Record<ArtifactStatus, ArtifactStatus[]> = {
      draft: ["in_progress", "archived"],
      in_progress: ["review", "archived"],
      review: ["final", "in_progress", "archived"],
      final: ["in_progress", "archived"],
      archived: ["draft"],
    };
    for (const from of ARTIFACT_STATUSES) {
      const artifact = await artifactOf(alice, project.id, `From ${from}`);
      await walk(alice, artifact.id, paths[from]);
      const events = (await eventsOf(alice.customerId)).length;
      for (const to of ARTIFACT_STATUSES.filter((status) => !allowed[from].includes(status))) {
        const outcome = await moveArtifact({ userId: alice.userId, artifactId: artifact.id, status: to });
        expect(outcome, `${from} → ${to}`).toMatchObject({ ok: false, reason: "conflict", message: expect.stringMatching(/cannot move|already/) });
        if (to === from) continue;
        const patched = await updateArtifact({ userId: alice.userId, artifactId: artifact.id, patch: { status: to, title: "Changed" } });
        expect(patched).toMatchObject({ ok: false, reason: "conflict" });
      }
      expect(await ownerPrisma().artifact.findUnique({ where: { id: artifact.id } })).toMatchObject({ status: from, title: `From ${from}` });
      expect((await eventsOf(alice.customerId)).length).toBe(events);
    }
  });

  it("lets only one of two racing moves pressed on review pass: request changes never becomes a reopening", async () => {
    const project = await projectOf(alice, { name: "Race" });
    for (let round = 0; round < 3; round++) {
      const artifact = await artifactOf(alice, project.id, `Raced ${round}`);
      await walk(alice, artifact.id, ["in_progress", "review"]);
      const [approve, changes] = await Promise.all([
        moveArtifact({ userId: alice.userId, artifactId: artifact.id, status: "final", from: "review" }),
        moveArtifact({ userId: alice.userId, artifactId: artifact.id, status: "in_progress", from: "review" }),
      ]);
      expect([approve.ok, changes.ok].filter(Boolean)).toHaveLength(1);
      const loser = approve.ok ? changes : approve;
      expect(loser).toMatchObject({ ok: false, reason: "conflict", message: expect.stringMatching(/since you opened it/) });
      const stored = await ownerPrisma().artifact.findUniqueOrThrow({ where: { id: artifact.id } });
      expect(stored.status).toBe(approve.ok ? "final" : "in_progress");
    }
  });

  it("refuses a move pressed on a status the artifact has left", async () => {
    const project = await projectOf(alice, { name: "Moved since" });
    const artifact = await artifactOf(alice, project.id, "Moved");
    await walk(alice, artifact.id, ["in_progress"]);
    const outcome = await moveArtifact({ userId: alice.userId, artifactId: artifact.id, status: "in_progress", from: "draft" });
    expect(outcome).toMatchObject({ ok: false, reason: "conflict", message: expect.stringContaining("it is now in progress") });
  });

  it("two approvals at once: one approves, the other is refused, one event", async () => {
    const project = await projectOf(alice, { name: "Double approve" });
    const artifact = await artifactOf(alice, project.id, "Twice");
    await walk(alice, artifact.id, ["in_progress", "review"]);
    const before = (await eventsOf(alice.customerId)).length;
    const outcomes = await Promise.all([1, 2].map(() => moveArtifact({ userId: alice.userId, artifactId: artifact.id, status: "final" })));
    expect(outcomes.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    expect((await eventsOf(alice.customerId)).slice(before).map((event) => event.title)).toEqual(["Artifact 'Twice' approved"]);
  });
});

describe("edits from forms (docs/decisions/0012)", () => {
  it("a second save keeps the first one's change to another field and refuses a change to the same field", async () => {
    const project = await projectOf(alice, { name: "Edits" });
    const artifact = await artifactOf(alice, project.id, "Spec");
    const opened = { title: "Spec", type: "document", content: ARTIFACT.content };
    const ref = { userId: alice.userId, artifactId: artifact.id, customerId: alice.customerId, projectId: project.id };

    const first = await editArtifact({ ...ref, opened, posted: { ...opened, title: "Spec v2" }, input: { ...ARTIFACT, title: "Spec v2" } });
    expect(first).toMatchObject({ ok: true, value: { title: "Spec v2" } });
    const second = await editArtifact({ ...ref, opened, posted: { ...opened, content: "New body" }, input: { ...ARTIFACT, title: "Spec", content: "New body" } });
    expect(second).toMatchObject({ ok: true, value: { title: "Spec v2", content: "New body" } });
    const third = await editArtifact({ ...ref, opened, posted: { ...opened, content: "Mine" }, input: { ...ARTIFACT, title: "Spec", content: "Mine" } });
    expect(third).toMatchObject({ stale: { conflicts: ["content"] } });
    expect(await ownerPrisma().artifact.findUnique({ where: { id: artifact.id } })).toMatchObject({ title: "Spec v2", content: "New body" });

    const projectOpened = { name: "Edits", description: "", agreementId: "" };
    const projectRef = { userId: alice.userId, projectId: project.id, customerId: alice.customerId };
    await editProject({ ...projectRef, opened: projectOpened, posted: { ...projectOpened, name: "Edits 2" }, input: { ...PROJECT, name: "Edits 2" } });
    const stale = await editProject({ ...projectRef, opened: projectOpened, posted: { ...projectOpened, name: "Edits 3" }, input: { ...PROJECT, name: "Edits 3" } });
    expect(stale).toMatchObject({ stale: { conflicts: ["name"] } });
    const description = await editProject({
      ...projectRef,
      opened: projectOpened,
      posted: { ...projectOpened, description: "Scope" },
      input: { ...PROJECT, name: "Edits", description: "Scope" },
    });
    expect(description).toMatchObject({ ok: true, value: { name: "Edits 2", description: "Scope" } });
  });
});

describe("the database itself", () => {
  it("refuses an artifact whose customer is not its project's, a blank title or name, an unknown type, content over 200 KB", async () => {
    const owner = await tenant("Constraints");
    const sibling = await secondCustomer(owner, "Elsewhere");
    const project = await projectOf(owner);
    const insertArtifact = (customerId: string, overrides: Record<string, unknown> = {}) => {
      const row = { title: "T", type: "document", content: "", ...overrides };
      return sql(
        `INSERT INTO customer_artifacts (user_id, customer_id, project_id, title, type, content) VALUES ($1, $2, $3, $4, $5, $6)`,
        [owner.userId, customerId, project.id, row.title, row.type, row.content],
      );
    };
    await expect(insertArtifact(sibling.customerId)).rejects.toThrow(/customer_artifacts_project_id_customer_id_fkey/);
    await expect(insertArtifact(owner.customerId, { title: "   " })).rejects.toThrow(/customer_artifacts_title_check/);
    await expect(insertArtifact(owner.customerId, { type: "video" })).rejects.toThrow(/customer_artifacts_type_check/);
    await expect(insertArtifact(owner.customerId, { content: "x".repeat(204_801) })).rejects.toThrow(/customer_artifacts_content_check/);
    await insertArtifact(owner.customerId, { content: "x".repeat(204_800) });
    await expect(sql(`UPDATE customer_projects SET name = ' ' WHERE id = $1`, [project.id])).rejects.toThrow(/customer_projects_name_check/);
    await expect(sql(`UPDATE customer_projects SET status = 'done' WHERE id = $1`, [project.id])).rejects.toThrow(/customer_projects_status_check/);
  });

  it("keeps a project's agreement within its customer, and clears only the link when the agreement goes", async () => {
    const owner = await tenant("Links");
    const sibling = await secondCustomer(owner, "Other side");
    const own = await createAgreement({ ...owner, input: { scope: "Own", type: "other", startDate: null, endDate: null, noticeDays: 30, pricing: {} } });
    const theirs = await createAgreement({ ...sibling, input: { scope: "Theirs", type: "other", startDate: null, endDate: null, noticeDays: 30, pricing: {} } });
    const project = await projectOf(owner, { agreementId: own!.id });
    await expect(sql(`UPDATE customer_projects SET agreement_id = $1 WHERE id = $2`, [theirs!.id, project.id])).rejects.toThrow(
      /customer_projects_agreement_id_customer_id_fkey/,
    );
    await sql(`DELETE FROM customer_agreements WHERE id = $1`, [own!.id]);
    expect(await ownerPrisma().project.findUnique({ where: { id: project.id } })).toMatchObject({ agreementId: null, customerId: owner.customerId });
  });
});
