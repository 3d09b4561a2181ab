import fc from "fast-check";
import { ARTIFACT_STATUSES, ARTIFACT_TYPES, PROJECT_STATUSES } from "~/projects/constants";
import { ownerPrisma } from "../setup/owner";
import { field, hostileKey, hostileString } from "./arbitraries";
import type { World } from "./harness";

/**
 * Generators for the projects API: ids (A's, B's, the other kind, random,
 * not ids) and bodies that mostly pass validation, so that generated cases
 * reach the same-customer agreement check and the artifact workflow, mixed
 * with what must be refused. A gets, under each live customer, a project
 * with an artifact in every workflow status; B's are insertCommercials'.
 */

export interface ProjectIds {
  actorProjects: string[];
  actorArtifacts: string[];
  otherProjects: string[];
  otherArtifacts: string[];
}

export async function arrangeProjects(actorId: string, actorLive: string[], otherId: string): Promise<ProjectIds> {
  const db = ownerPrisma();
  for (const [index, customerId] of actorLive.entries()) {
    const project = await db.project.create({
      data: { userId: actorId, customerId, name: `Arranged ${index}`, status: PROJECT_STATUSES[index % PROJECT_STATUSES.length]! },
    });
    await db.artifact.createMany({
      data: ARTIFACT_STATUSES.map((status) => ({ userId: actorId, customerId, projectId: project.id, title: `In ${status}`, status, content: "# Notes" })),
    });
  }
  const [projects, artifacts] = await Promise.all([
    db.project.findMany({ where: { userId: { in: [actorId, otherId] } }, select: { id: true, userId: true } }),
    db.artifact.findMany({ where: { userId: { in: [actorId, otherId] } }, select: { id: true, userId: true } }),
  ]);
  const of = (rows: Array<{ id: string; userId: string }>, userId: string) => rows.filter((row) => row.userId === userId).map((row) => row.id);
  return {
    actorProjects: of(projects, actorId),
    actorArtifacts: of(artifacts, actorId),
    otherProjects: of(projects, otherId),
    otherArtifacts: of(artifacts, otherId),
  };
}

/** B's project and artifact ids: no answer to A may contain one. */
export function otherProjectIds(world: World): string[] {
  return [...world.projects.otherProjects, ...world.projects.otherArtifacts, ...world.agreements.other];
}

function anyId(world: World, actor: string[], other: string[]): fc.Arbitrary<string> {
  const { actorProjects, actorArtifacts } = world.projects;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...actor) },
    { weight: 6, arbitrary: fc.constantFrom(...other) },
    { weight: 1, arbitrary: fc.constantFrom(...actor, ...other).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...world.aCustomers.live, ...world.aCustomers.archived, ...actorProjects, ...actorArtifacts) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom("", ".", `${other[0]}/`, other[0]!.replace(/-/g, ""), `${other[0]}' OR '1'='1`, "status") },
    { weight: 1, arbitrary: hostileString },
  );
}

export function projectId(world: World): fc.Arbitrary<string> {
  return anyId(world, world.projects.actorProjects, world.projects.otherProjects);
}

export function artifactId(world: World): fc.Arbitrary<string> {
  return anyId(world, world.projects.actorArtifacts, world.projects.otherArtifacts);
}

/** A's agreements (of this customer or another of A's), B's (must read as unknown), none, random. */
function agreementLink(world: World): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...world.agreements.actorLive) },
    { weight: 3, arbitrary: fc.constantFrom(...world.agreements.other) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

const extraKeys = fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(hostileKey, hostileString, { maxKeys: 2 }) });

const text = (valid: readonly string[]) => fc.oneof(fc.constantFrom(...valid), fc.string({ maxLength: 40 }));

export function projectBody(world: World, { nameRequired }: { nameRequired: boolean }): fc.Arbitrary<unknown> {
  const known = fc.record(
    {
      name: field(text(["Website relaunch", "  Padded  ", "", "   ", "x".repeat(201)])),
      description: field(fc.oneof(text(["Phase 1", ""]), fc.constant(null))),
      status: field(fc.constantFrom(...PROJECT_STATUSES, "done", "Active")),
      agreement_id: field(agreementLink(world)),
    },
    { requiredKeys: nameRequired ? ["name"] : [] },
  );
  return fc.tuple(known, extraKeys).map(([fields, extra]) => ({ ...extra, ...fields }));
}

const content = fc.oneof(
  { weight: 6, arbitrary: text(["# Title\n\n[link](javascript:alert(1)) <script>alert(1)</script>", "    code\r\n", ""]) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(204_800), "x".repeat(204_801)) },
);

export function artifactBody({ titleRequired }: { titleRequired: boolean }): fc.Arbitrary<unknown> {
  const known = fc.record(
    {
      title: field(text(["Brand guide", "", " \t ", "x".repeat(201)])),
      type: field(fc.constantFrom(...ARTIFACT_TYPES, "video")),
      content: field(content),
      status: field(fc.constantFrom(...ARTIFACT_STATUSES, "published")),
    },
    { requiredKeys: titleRequired ? ["title"] : [] },
  );
  return fc.tuple(known, extraKeys).map(([fields, extra]) => ({ ...extra, ...fields }));
}

/** `POST /api/artifacts/<id>/status`: a status (sometimes with the one it moves from), or junk. */
export const moveBody: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.record(
      {
        // Mostly a real status, so that cases reach the workflow (200 and 409), not only validation.
        status: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ARTIFACT_STATUSES) }, { weight: 1, arbitrary: field(fc.constant("approved")) }),
        from: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ARTIFACT_STATUSES) }, { weight: 1, arbitrary: field(fc.constant("draft")) }),
      },
      { requiredKeys: ["status"] },
    ),
    extraKeys,
  )
  .map(([fields, extra]) => ({ ...extra, ...fields }));
