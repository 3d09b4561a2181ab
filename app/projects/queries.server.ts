import { isCustomerRef, liveCustomer, type CustomerRef } from "~/customers/ownership.server";
import { asUser, type Db } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { isUuid } from "~/utils/uuid";
import { ARTIFACT_STATUSES, type ArtifactCounts, type ArtifactStatus, type ArtifactType, type ProjectStatus } from "./constants";

/**
 * Reading projects and artifacts. Every read joins the live customer `c` and
 * names the user, and one reached by its own id under a customer's URL must be
 * that customer's: another customer's project, even the same user's, is "not
 * found" there. The board, the project page, the artifact page, the overview's
 * stat and the API all read from here.
 */

export interface ProjectRow {
  id: string;
  customerId: string;
  name: string;
  description: string | null;
  status: ProjectStatus;
  agreementId: string | null;
  /** The linked agreement's scope, for the board's link; null when none. */
  agreementScope: string | null;
  /** Every artifact status, 0 when none. */
  artifactCounts: ArtifactCounts;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** An artifact without its content: what a project's list shows. */
export interface ArtifactSummary {
  id: string;
  projectId: string;
  customerId: string;
  type: ArtifactType;
  title: string;
  status: ArtifactStatus;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface ArtifactRow extends ArtifactSummary {
  /** Markdown. */
  content: string;
  /** Its project's name, for the page's heading and breadcrumb. */
  projectName: string;
}

/** Which project of which user; with `customerId`, only under that customer (a page's URL). */
export interface ProjectRef {
  userId: string;
  projectId: string;
  customerId?: string;
}

/** Which artifact of which user; with `customerId` / `projectId`, only under those (a page's URL). */
export interface ArtifactRef {
  userId: string;
  artifactId: string;
  customerId?: string;
  projectId?: string;
}

/** Every id given can be an id at all; a malformed one is simply "not found". */
export function isProjectRef(ref: ProjectRef): boolean {
  return isUuid(ref.userId) && isUuid(ref.projectId) && (ref.customerId === undefined || isUuid(ref.customerId));
}

export function isArtifactRef(ref: ArtifactRef): boolean {
  return (
    isUuid(ref.userId) &&
    isUuid(ref.artifactId) &&
    (ref.customerId === undefined || isUuid(ref.customerId)) &&
    (ref.projectId === undefined || isUuid(ref.projectId))
  );
}

/** `column = id`, or TRUE when the URL does not name one. */
function sameAs(column: Prisma.Sql, id: string | undefined): Prisma.Sql {
  return id === undefined ? Prisma.sql`TRUE` : Prisma.sql`${column} = ${id}::uuid`;
}

/**
 * The project `p`'s artifact counts as one JSON object with every status as a
 * key (a scalar subquery), from idx_customer_artifacts_project_id_status.
 */
export const ARTIFACT_COUNTS_SQL = Prisma.sql`(SELECT json_build_object(${Prisma.join(
  ARTIFACT_STATUSES.map((status) => Prisma.sql`${status}::text, count(*) FILTER (WHERE x.status = ${status})`),
)}) FROM customer_artifacts x WHERE x.project_id = p.id)`;

/** The customer `c`'s active projects (a scalar subquery for the overview): the board's `active` column. */
export const ACTIVE_PROJECTS_SQL = Prisma.sql`(SELECT count(*)::int FROM customer_projects p
     WHERE p.user_id = c.user_id AND p.customer_id = c.id AND p.status = 'active')`;

const PROJECT_COLUMNS = Prisma.sql`p.id, p.customer_id AS "customerId", p.name, p.description, p.status,
       p.agreement_id AS "agreementId", a.scope AS "agreementScope", ${ARTIFACT_COUNTS_SQL} AS "artifactCounts",
       p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

// The agreement is the project's own customer's (a foreign key, migration projects).
const AGREEMENT_JOIN = Prisma.sql`LEFT JOIN customer_agreements a ON a.id = p.agreement_id AND a.customer_id = p.customer_id`;

/** The board's order within a status: most recently changed first. */
const PROJECT_ORDER = Prisma.sql`p.updated_at DESC NULLS LAST, p.created_at DESC, p.id`;

/** The statement of a customer's board (the bench explains it as the app runs it). */
export function boardSql(ref: CustomerRef): Prisma.Sql {
  // LEFT JOIN from the customer: one statement tells "no such customer" (no
  // row) from "no projects yet" (one row without a project).
  return Prisma.sql`
    SELECT ${PROJECT_COLUMNS}
      FROM customers c
      LEFT JOIN customer_projects p ON p.user_id = c.user_id AND p.customer_id = c.id
      ${AGREEMENT_JOIN}
     WHERE ${liveCustomer(ref)}
     ORDER BY ${PROJECT_ORDER}`;
}

/** The statement of a customer's projects alone, for a page statement over its live customer (see pages.server.ts). */
export function customerProjectsSql(ref: CustomerRef): Prisma.Sql {
  return Prisma.sql`
    SELECT ${PROJECT_COLUMNS}
      FROM customer_projects p
      JOIN customers c ON c.id = p.customer_id AND c.user_id = p.user_id
      ${AGREEMENT_JOIN}
     WHERE ${liveCustomer(ref)} AND p.user_id = ${ref.userId}::uuid
     ORDER BY ${PROJECT_ORDER}`;
}

type MaybeProject = Omit<ProjectRow, "id"> & { id: string | null };

/**
 * The projects of the user's live customer, each with its artifact counts
 * and linked agreement, in one statement; null unless the customer is the
 * user's and live. All statuses: the board puts archived behind a link.
 */
export async function listProjectBoard(ref: CustomerRef): Promise<ProjectRow[] | null> {
  if (!isCustomerRef(ref)) return null;
  const rows = await asUser(ref.userId, (db) => db.$queryRaw<MaybeProject[]>(boardSql(ref)));
  if (!rows.length) return null;
  return rows.filter((row): row is ProjectRow => row.id !== null);
}

/** The statement of one project of the user's, under a live customer (and the URL's, when given). */
export function projectSql({ userId, projectId, customerId }: ProjectRef): Prisma.Sql {
  return Prisma.sql`
    SELECT ${PROJECT_COLUMNS}
      FROM customer_projects p
      JOIN customers c ON c.id = p.customer_id AND c.user_id = p.user_id AND c.deleted_at IS NULL
      ${AGREEMENT_JOIN}
     WHERE p.id = ${projectId}::uuid AND p.user_id = ${userId}::uuid AND ${sameAs(Prisma.sql`p.customer_id`, customerId)}`;
}

/** One project of the user's, under a live customer (and the URL's, when given); null otherwise. */
export async function readProject(db: Db, ref: ProjectRef): Promise<ProjectRow | null> {
  const [row] = await db.$queryRaw<ProjectRow[]>(projectSql(ref));
  return row ?? null;
}

export async function getProject(ref: ProjectRef): Promise<ProjectRow | null> {
  if (!isProjectRef(ref)) return null;
  return asUser(ref.userId, (db) => readProject(db, ref));
}

const SUMMARY_COLUMNS = Prisma.sql`x.id, x.project_id AS "projectId", x.customer_id AS "customerId", x.type, x.title, x.status,
       x.created_at AS "createdAt", x.updated_at AS "updatedAt"`;

/** Within a status, most recently changed first. */
const ARTIFACT_ORDER = Prisma.sql`x.updated_at DESC NULLS LAST, x.created_at DESC, x.id`;

/** The statement of a project's artifacts without content, for the project page: the URL's project, the user's. */
export function projectArtifactsSql({ userId, projectId, customerId }: ProjectRef): Prisma.Sql {
  return Prisma.sql`
    SELECT ${SUMMARY_COLUMNS} FROM customer_artifacts x
     WHERE x.project_id = ${projectId}::uuid AND x.user_id = ${userId}::uuid AND ${sameAs(Prisma.sql`x.customer_id`, customerId)}
     ORDER BY ${ARTIFACT_ORDER}`;
}

async function selectArtifacts<Row>(db: Db, projectId: string, columns: Prisma.Sql): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT ${columns} FROM customer_artifacts x JOIN customer_projects p ON p.id = x.project_id
     WHERE x.project_id = ${projectId}::uuid ORDER BY ${ARTIFACT_ORDER}`;
}

/** The project page: the project and its artifacts (without content); null when not the user's under that customer. */
export async function getProjectWithArtifacts(ref: ProjectRef): Promise<{ project: ProjectRow; artifacts: ArtifactSummary[] } | null> {
  if (!isProjectRef(ref)) return null;
  return asUser(ref.userId, async (db) => {
    const project = await readProject(db, ref);
    if (!project) return null;
    return { project, artifacts: await selectArtifacts<ArtifactSummary>(db, project.id, SUMMARY_COLUMNS) };
  });
}

const ARTIFACT_COLUMNS = Prisma.sql`${SUMMARY_COLUMNS}, x.content, p.name AS "projectName"`;

/** A project's artifacts with their content (the API's list); null when the project is not the user's. */
export async function listArtifacts(ref: ProjectRef): Promise<ArtifactRow[] | null> {
  if (!isProjectRef(ref)) return null;
  return asUser(ref.userId, async (db) => {
    const project = await readProject(db, ref);
    return project ? selectArtifacts<ArtifactRow>(db, project.id, ARTIFACT_COLUMNS) : null;
  });
}

/** The statement of one artifact with its content (the bench explains it as the app runs it). */
export function artifactSql({ userId, artifactId, customerId, projectId }: ArtifactRef): Prisma.Sql {
  return Prisma.sql`
    SELECT ${ARTIFACT_COLUMNS}
      FROM customer_artifacts x
      JOIN customer_projects p ON p.id = x.project_id AND p.customer_id = x.customer_id
      JOIN customers c ON c.id = x.customer_id AND c.user_id = x.user_id AND c.deleted_at IS NULL
     WHERE x.id = ${artifactId}::uuid AND x.user_id = ${userId}::uuid
       AND ${sameAs(Prisma.sql`x.customer_id`, customerId)} AND ${sameAs(Prisma.sql`x.project_id`, projectId)}`;
}

/** One artifact of the user's, under a live customer (and the URL's customer and project, when given); null otherwise. */
export async function readArtifact(db: Db, ref: ArtifactRef): Promise<ArtifactRow | null> {
  const [row] = await db.$queryRaw<ArtifactRow[]>(artifactSql(ref));
  return row ?? null;
}

export async function getArtifact(ref: ArtifactRef): Promise<ArtifactRow | null> {
  if (!isArtifactRef(ref)) return null;
  return asUser(ref.userId, (db) => readArtifact(db, ref));
}
