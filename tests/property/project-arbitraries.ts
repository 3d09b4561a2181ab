import fc from "fast-check";
import { ARTIFACT_STATUSES, ARTIFACT_TYPES, PROJECT_STATUSES } from "~/projects/constants";
import type { Prisma } from "~/generated/prisma/client";
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

/** Where a row sits: the page URLs name the customer, the project and (for an artifact) the artifact. */
export interface RowPath {
  customerId: string;
  projectId: string;
  artifactId: string | null;
}

export interface ProjectIds {
  actorProjects: string[];
  actorArtifacts: string[];
  otherProjects: string[];
  otherArtifacts: string[];
  /** A's and B's projects (artifactId null) and artifacts, each with its customer and project. */
  paths: { actor: RowPath[]; other: RowPath[] };
  /** A's projects and artifacts as arranged, ids fixed, so that they can be put back (reviveActorProjects). */
  arranged: { projects: Prisma.ProjectCreateManyInput[]; artifacts: Prisma.ArtifactCreateManyInput[] };
}

export async function arrangeProjects(actorId: string, actorLive: string[], otherId: string): Promise<ProjectIds> {
  const db = ownerPrisma();
  const arranged: ProjectIds["arranged"] = { projects: [], artifacts: [] };
  for (const [index, customerId] of actorLive.entries()) {
    const projectId = crypto.randomUUID();
    arranged.projects.push({ id: projectId, userId: actorId, customerId, name: `Arranged ${index}`, status: PROJECT_STATUSES[index % PROJECT_STATUSES.length]! });
    for (const status of ARTIFACT_STATUSES) {
      arranged.artifacts.push({ id: crypto.randomUUID(), userId: actorId, customerId, projectId, title: `In ${status}`, status, content: "# Notes" });
    }
  }
  await db.project.createMany({ data: arranged.projects });
  await db.artifact.createMany({ data: arranged.artifacts });
  const [projects, artifacts] = await Promise.all([
    db.project.findMany({ where: { userId: { in: [actorId, otherId] } }, select: { id: true, userId: true, customerId: true } }),
    db.artifact.findMany({ where: { userId: { in: [actorId, otherId] } }, select: { id: true, userId: true, customerId: true, projectId: true } }),
  ]);
  const of = (rows: Array<{ id: string; userId: string }>, userId: string) => rows.filter((row) => row.userId === userId).map((row) => row.id);
  const pathsOf = (userId: string): RowPath[] => [
    ...projects.filter((row) => row.userId === userId).map((row) => ({ customerId: row.customerId, projectId: row.id, artifactId: null })),
    ...artifacts.filter((row) => row.userId === userId).map((row) => ({ customerId: row.customerId, projectId: row.projectId, artifactId: row.id })),
  ];
  return {
    actorProjects: of(projects, actorId),
    actorArtifacts: of(artifacts, actorId),
    otherProjects: of(projects, otherId),
    otherArtifacts: of(artifacts, otherId),
    paths: { actor: pathsOf(actorId), other: pathsOf(otherId) },
    arranged,
  };
}

/**
 * Puts A's projects and artifacts back as arranged, as the owner: generated
 * deletes (a project takes its artifacts with it) would otherwise leave the
 * pages nothing of A's to act on, and generated creations pile up.
 */
export async function reviveActorProjects(world: World): Promise<void> {
  const db = ownerPrisma();
  await db.project.deleteMany({ where: { userId: world.a.id } });
  await db.project.createMany({ data: world.projects.arranged.projects });
  await db.artifact.createMany({ data: world.projects.arranged.artifacts });
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
