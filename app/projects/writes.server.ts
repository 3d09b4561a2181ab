import { holdAgreement } from "~/agreements/agreements.server";
import { withLockedChild, type Outcome } from "~/agreements/lifecycle.server";
import { recordEvent } from "~/customers/events.server";
import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { asUser, type Db } from "~/db/scope.server";
import { isUuid } from "~/utils/uuid";
import { mergeEdit, type FormValues, type OpenedWith, type StaleEdit } from "~/utils/edit-merge";
import type { ArtifactStatus } from "./constants";
import {
  isArtifactRef,
  isProjectRef,
  readArtifact,
  readProject,
  type ArtifactRef,
  type ArtifactRow,
  type ProjectRef,
  type ProjectRow,
} from "./queries.server";
import {
  AGREEMENT_LINK_MESSAGE,
  ARTIFACT_FORM_FIELDS,
  artifactFormValues,
  PROJECT_FORM_FIELDS,
  projectFormValues,
  type ArtifactInput,
  type ArtifactPatch,
  type ProjectInput,
  type ProjectPatch,
} from "./schemas";
import { findMove, movedSinceMessage, moveEventTitle, refusedMoveMessage } from "./workflow";

/**
 * Changing projects and artifacts. Each change to an existing row locks it
 * (FOR UPDATE, withLockedChild) and reads it under the URL's customer and
 * project before deciding, so a workflow move is checked against the status
 * it really moves from: of two racing moves from `review`, the second sees
 * `final` and is refused. A move that records an event writes it in the same
 * transaction. Refusals: not_found, invalid (field issues keyed as the API
 * names fields: `agreement_id`), conflict (a move the workflow refuses).
 */

const notFound = { ok: false, reason: "not_found" } as const;
type Refusal = Exclude<Outcome<never>, { ok: true }>;
const badAgreement: Refusal = { ok: false, reason: "invalid", issues: { agreement_id: [AGREEMENT_LINK_MESSAGE] } };

/** Whether the project may link `agreementId`: the customer's own (held until the transaction ends), or none. */
async function agreementRefusal(db: Db, customer: CustomerRef, agreementId: string | null | undefined): Promise<Refusal | null> {
  if (!agreementId) return null;
  // Malformed reads as unknown, without a failed cast aborting the transaction.
  if (!isUuid(agreementId)) return badAgreement;
  return (await holdAgreement(db, customer, agreementId)) ? null : badAgreement;
}

// ------------------------------------------------------------ projects ----

/** Creates a project for the user's live customer; the agreement, if any, must be that customer's. */
export function createProject({ input, ...ref }: CustomerRef & { input: ProjectInput }): Promise<Outcome<ProjectRow>> {
  if (!isCustomerRef(ref)) return Promise.resolve(notFound);
  return asUser(
    ref.userId,
    async (db) => {
      const [customer] = await db.$queryRaw<Array<{ id: string }>>`SELECT c.id FROM customers c WHERE ${liveCustomer(ref)}`;
      if (!customer) return notFound;
      const refused = await agreementRefusal(db, ref, input.agreementId);
      if (refused) return refused;
      const [created] = await db.$queryRaw<Array<{ id: string }>>`
        INSERT INTO customer_projects (user_id, customer_id, name, description, status, agreement_id)
        VALUES (${ref.userId}::uuid, ${ref.customerId}::uuid, ${input.name}, ${input.description}, ${input.status}, ${input.agreementId}::uuid)
        RETURNING id`;
      return { ok: true, value: (await readProject(db, { userId: ref.userId, projectId: created!.id }))! };
    },
    { atomic: true },
  );
}

/** Runs `change` on the user's project (under the URL's customer, when given), locked, or answers not found. */
function withProject<Result>(ref: ProjectRef, change: (db: Db, row: ProjectRow) => Promise<Result>): Promise<Result | typeof notFound> {
  if (!isProjectRef(ref)) return Promise.resolve(notFound);
  return withLockedChild({ userId: ref.userId, table: "customer_projects", id: ref.projectId }, (db) => readProject(db, ref), change);
}

async function patchLockedProject(db: Db, ref: ProjectRef, row: ProjectRow, patch: ProjectPatch): Promise<Outcome<ProjectRow>> {
  const agreementId = patch.agreementId === undefined ? row.agreementId : patch.agreementId;
  if (agreementId !== row.agreementId) {
    const refused = await agreementRefusal(db, { userId: ref.userId, customerId: row.customerId }, agreementId);
    if (refused) return refused;
  }
  await db.$executeRaw`
    UPDATE customer_projects
       SET name = ${patch.name ?? row.name}, status = ${patch.status ?? row.status},
           description = ${patch.description === undefined ? row.description : patch.description},
           agreement_id = ${agreementId}::uuid
     WHERE id = ${row.id}::uuid`;
  return { ok: true, value: (await readProject(db, ref))! };
}

/** Changes the fields sent (the API's PATCH). */
export function updateProject({ patch, ...ref }: ProjectRef & { patch: ProjectPatch }): Promise<Outcome<ProjectRow>> {
  return withProject(ref, (db, row) => patchLockedProject(db, ref, row, patch));
}

/** The board's `project-status`: any status may follow any other. */
export function setProjectStatus({ status, ...ref }: ProjectRef & { status: ProjectInput["status"] }): Promise<Outcome<ProjectRow>> {
  return updateProject({ ...ref, patch: { status } });
}

/**
 * The project edit form's save (docs/decisions/0012): only the fields the
 * user changed from what the form was `opened` with are written; one that
 * someone else changed meanwhile, to something else, refuses it as stale.
 * `posted` is the form as sent, `input` the same validated.
 */
export function editProject({
  opened = null,
  posted,
  input,
  ...ref
}: ProjectRef & OpenedWith & { posted: FormValues; input: ProjectInput }): Promise<Outcome<ProjectRow> | StaleEdit> {
  return withProject(ref, async (db, row): Promise<Outcome<ProjectRow> | StaleEdit> => {
    const merge = mergeEdit(PROJECT_FORM_FIELDS, { opened, mine: posted, current: projectFormValues(row) });
    if (merge.conflicts.length) return { stale: merge };
    const patch: ProjectPatch = {};
    for (const field of merge.changed) Object.assign(patch, { [field]: input[field] });
    return patchLockedProject(db, ref, row, patch);
  });
}

/** Deletes the project and its artifacts; says how many artifacts went with it. */
export function deleteProject(ref: ProjectRef): Promise<Outcome<{ project: ProjectRow; artifactsDeleted: number }>> {
  return withProject(ref, async (db, project) => {
    // The project's lock holds off new artifacts (their foreign key waits on it), so the count is exact.
    const artifactsDeleted = await db.$executeRaw`DELETE FROM customer_artifacts WHERE project_id = ${project.id}::uuid`;
    await db.$executeRaw`DELETE FROM customer_projects WHERE id = ${project.id}::uuid`;
    return { ok: true, value: { project, artifactsDeleted } };
  });
}

// ----------------------------------------------------------- artifacts ----

/** Adds a draft artifact to the user's project (under the URL's customer, when given). */
export function createArtifact({ input, ...ref }: ProjectRef & { input: ArtifactInput }): Promise<Outcome<ArtifactRow>> {
  return withProject(ref, async (db, project) => {
    const [created] = await db.$queryRaw<Array<{ id: string }>>`
      INSERT INTO customer_artifacts (user_id, customer_id, project_id, type, title, content, status)
      VALUES (${ref.userId}::uuid, ${project.customerId}::uuid, ${project.id}::uuid, ${input.type}, ${input.title}, ${input.content}, 'draft')
      RETURNING id`;
    return { ok: true, value: (await readArtifact(db, { userId: ref.userId, artifactId: created!.id }))! };
  });
}

/** Runs `change` on the user's artifact (under the URL's customer and project, when given), locked, or answers not found. */
function withArtifact<Result>(ref: ArtifactRef, change: (db: Db, row: ArtifactRow) => Promise<Result>): Promise<Result | typeof notFound> {
  if (!isArtifactRef(ref)) return Promise.resolve(notFound);
  return withLockedChild({ userId: ref.userId, table: "customer_artifacts", id: ref.artifactId }, (db) => readArtifact(db, ref), change);
}

/**
 * Writes the patch to the locked `row`. A status other than the current one
 * must be a move the workflow allows (409 otherwise); the events of review,
 * approval and reopening are written with it.
 */
async function patchLockedArtifact(db: Db, ref: ArtifactRef, row: ArtifactRow, patch: ArtifactPatch): Promise<Outcome<ArtifactRow>> {
  const status: ArtifactStatus = patch.status ?? row.status;
  const move = status === row.status ? null : findMove(row.status, status);
  if (status !== row.status && !move) return { ok: false, reason: "conflict", message: refusedMoveMessage(row.status, status) };
  const title = patch.title ?? row.title;
  await db.$executeRaw`
    UPDATE customer_artifacts
       SET title = ${title}, type = ${patch.type ?? row.type}, content = ${patch.content ?? row.content}, status = ${status}
     WHERE id = ${row.id}::uuid`;
  const event = move && moveEventTitle(move, title);
  if (move && event) {
    await recordEvent(db, row, ref.userId, event, {
      artifact_id: row.id,
      project_id: row.projectId,
      action: move.kind,
      from: move.from,
      to: move.to,
    });
  }
  return { ok: true, value: (await readArtifact(db, ref))! };
}

/** Changes the fields sent (the API's PATCH); a `status` is a workflow move. */
export function updateArtifact({ patch, ...ref }: ArtifactRef & { patch: ArtifactPatch }): Promise<Outcome<ArtifactRow>> {
  return withArtifact(ref, (db, row) => patchLockedArtifact(db, ref, row, patch));
}

/**
 * One workflow move (`artifact-status`, POST /api/artifacts/<id>/status):
 * refused as a conflict unless the artifact's current status allows it,
 * including a move to the status it already has. With `from` (the status the
 * page showed when its button was pressed), also refused when the artifact has
 * moved since: "Request changes" pressed while someone approved must not
 * become a reopening.
 */
export function moveArtifact({ status, from, ...ref }: ArtifactRef & { status: ArtifactStatus; from?: ArtifactStatus }): Promise<Outcome<ArtifactRow>> {
  return withArtifact(ref, async (db, row) => {
    if (from !== undefined && from !== row.status) {
      return { ok: false, reason: "conflict", message: movedSinceMessage(row.status) };
    }
    if (status === row.status) return { ok: false, reason: "conflict", message: refusedMoveMessage(row.status, status) };
    return patchLockedArtifact(db, ref, row, { status });
  });
}

/** The artifact edit form's save: as editProject, over title, type and content. */
export function editArtifact({
  opened = null,
  posted,
  input,
  ...ref
}: ArtifactRef & OpenedWith & { posted: FormValues; input: ArtifactInput }): Promise<Outcome<ArtifactRow> | StaleEdit> {
  return withArtifact(ref, async (db, row): Promise<Outcome<ArtifactRow> | StaleEdit> => {
    const merge = mergeEdit(ARTIFACT_FORM_FIELDS, { opened, mine: posted, current: artifactFormValues(row) });
    if (merge.conflicts.length) return { stale: merge };
    const patch: ArtifactPatch = {};
    for (const field of merge.changed) Object.assign(patch, { [field]: input[field] });
    return patchLockedArtifact(db, ref, row, patch);
  });
}

export function deleteArtifact(ref: ArtifactRef): Promise<Outcome<ArtifactRow>> {
  return withArtifact(ref, async (db, row) => {
    await db.$executeRaw`DELETE FROM customer_artifacts WHERE id = ${row.id}::uuid`;
    return { ok: true, value: row };
  });
}
