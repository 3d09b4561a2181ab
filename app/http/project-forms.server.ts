import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import { listAgreements } from "~/agreements/agreements.server";
import type { Outcome } from "~/agreements/lifecycle.server";
import type { CustomerRef } from "~/customers/ownership.server";
import type { ProjectActionFailure, ProjectIntent } from "~/projects/actions";
import { ARTIFACT_TYPE_LABELS, type ArtifactType } from "~/projects/constants";
import { getArtifact, getProject, type ArtifactRef, type ProjectRef } from "~/projects/queries.server";
import { ARTIFACT_FORM_LABELS, formFieldErrors, PROJECT_FORM_FIELDS, PROJECT_FORM_LABELS, ProjectFormSchema } from "~/projects/schemas";
import { editProject } from "~/projects/writes.server";
import { formValuesOf, openedWithOf, type EditMerge } from "~/utils/edit-merge";
import { formRefusal } from "./form-refusal.server";
import { notFound } from "./responses.server";
import { staleEditReply, type Replyable } from "./stale-edit.server";

/**
 * What the project pages' forms share at the HTTP edge: finding the project
 * or artifact a form or URL names under the page's customer, and answering a
 * domain outcome that changed nothing.
 */

/**
 * The project the form names (`projectId`), as a ref scoped to the page's
 * customer, if it is the user's and belongs to that (live) customer; a 404
 * otherwise — missing, malformed, another user's or another customer's read
 * the same. Checked before the form is validated, so that a bad id is a 404
 * whatever else the post holds.
 */
export async function requireFormProject(ref: CustomerRef, formData: FormData): Promise<ProjectRef> {
  const projectId = formData.get("projectId");
  if (typeof projectId !== "string") throw notFound();
  return requireProject({ ...ref, projectId });
}

/** The URL's project under the URL's customer, or a 404. */
export async function requireProject(ref: ProjectRef): Promise<ProjectRef> {
  const project = await getProject(ref);
  if (!project) throw notFound();
  return { userId: ref.userId, customerId: project.customerId, projectId: project.id };
}

/** The URL's artifact under the URL's project and customer, or a 404. */
export async function requireArtifact(ref: ArtifactRef): Promise<ArtifactRef> {
  const artifact = await getArtifact(ref);
  if (!artifact) throw notFound();
  return { userId: ref.userId, customerId: artifact.customerId, projectId: artifact.projectId, artifactId: artifact.id };
}

type Refused = Exclude<Outcome<unknown>, { ok: true }>;

/** A refused outcome as the page's answer (see formRefusal). */
export function refusal(which: { intent: ProjectIntent; projectId: string | null; submission?: Replyable }, outcome: Refused): Response {
  const { submission, ...failure } = which;
  return formRefusal<Omit<ProjectActionFailure, "result" | "message">>(failure, submission, outcome, formFieldErrors);
}

/** The form's submission as a 400 (its field errors). */
export function invalid(intent: ProjectIntent, projectId: string | null, result: SubmissionResult<string[]>): Response {
  return json<ProjectActionFailure>({ intent, projectId, result }, { status: 400 });
}

/** An edit refused because someone else changed a field it changes (docs/decisions/0012): 409, the form again. */
export function staleProject(submission: Replyable, stale: EditMerge, projectId: string, agreementScopes: Map<string, string>): Response {
  const result = staleEditReply(submission, stale, PROJECT_FORM_LABELS, (field, value) =>
    field === "agreementId" ? (value ? (agreementScopes.get(value) ?? "another agreement") : "no agreement") : value,
  );
  return json<ProjectActionFailure>({ intent: "update-project", projectId, result }, { status: 409 });
}

export function staleArtifact(submission: Replyable, stale: EditMerge, projectId: string): Response {
  const result = staleEditReply(submission, stale, ARTIFACT_FORM_LABELS, (field, value) =>
    field === "type" ? (ARTIFACT_TYPE_LABELS[value as ArtifactType] ?? value) : value,
  );
  return json<ProjectActionFailure>({ intent: "update-artifact", projectId, result }, { status: 409 });
}

/**
 * `update-project`, from the board or the project's page: the edit form's
 * save, writing only what the user changed (docs/decisions/0012). `done`
 * answers a save.
 */
export async function saveProjectEdit(projectRef: ProjectRef, formData: FormData, done: (message: string) => Promise<Response>): Promise<Response> {
  const { projectId } = projectRef;
  const submission = parseWithZod(formData, { schema: ProjectFormSchema });
  if (submission.status !== "success") return invalid("update-project", projectId, submission.reply());
  const outcome = await editProject({
    ...projectRef,
    input: submission.value,
    posted: formValuesOf(submission.payload, PROJECT_FORM_FIELDS),
    opened: openedWithOf(formData, PROJECT_FORM_FIELDS),
  });
  if ("stale" in outcome) {
    const scopes = new Map((await listAgreements({ userId: projectRef.userId, customerId: projectRef.customerId ?? "" })).map((row) => [row.id, row.scope]));
    return staleProject(submission, outcome.stale, projectId, scopes);
  }
  if (!outcome.ok) return refusal({ intent: "update-project", projectId, submission }, outcome);
  return done("Project saved.");
}
