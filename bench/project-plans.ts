import type pg from "pg";
import { ACTIVE_PROJECTS_SQL, artifactSql, boardSql, customerProjectsSql, projectArtifactsSql, projectSql } from "../app/projects/queries.server";
import { Prisma } from "../app/generated/prisma/client";
import type { QueryBuilder } from "./plan-check";
import { asQuery } from "./receivable-plans";

/**
 * The projects pages the bench loads, and the statements they run, built by
 * the app's own builders (app/projects/queries.server.ts) so that they stay
 * the statements the pages run: the board, the project with its artifacts,
 * the artifact with its content, and the overview's Active projects stat.
 */

export interface ProjectPages {
  /** The bench user's live customer with the most projects (then artifacts): the heaviest board. */
  customerId: string;
  projects: number;
  artifacts: number;
  /** That customer's project with the most artifacts: the heaviest project page. */
  projectId: string;
  projectArtifacts: number;
  /** The bench user's artifact with the longest content (a live customer's): the heaviest artifact page. */
  artifact: { id: string; projectId: string; customerId: string; characters: number };
}

export async function projectPages(client: pg.Client, userId: string): Promise<ProjectPages | undefined> {
  const { rows: [board] } = await client.query<{ customerId: string; projects: number; artifacts: number }>(
    `SELECT p.customer_id AS "customerId", count(DISTINCT p.id)::int AS projects, count(x.id)::int AS artifacts
       FROM customer_projects p
       JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL
       LEFT JOIN customer_artifacts x ON x.project_id = p.id
      WHERE p.user_id = $1
      GROUP BY p.customer_id ORDER BY projects DESC, artifacts DESC, p.customer_id LIMIT 1`,
    [userId],
  );
  if (!board) return undefined;
  const { rows: [project] } = await client.query<{ id: string; artifacts: number }>(
    `SELECT p.id, count(x.id)::int AS artifacts
       FROM customer_projects p LEFT JOIN customer_artifacts x ON x.project_id = p.id
      WHERE p.user_id = $1 AND p.customer_id = $2
      GROUP BY p.id ORDER BY artifacts DESC, p.id LIMIT 1`,
    [userId, board.customerId],
  );
  const { rows: [artifact] } = await client.query<ProjectPages["artifact"]>(
    `SELECT x.id, x.project_id AS "projectId", x.customer_id AS "customerId", length(x.content) AS characters
       FROM customer_artifacts x JOIN customers c ON c.id = x.customer_id AND c.deleted_at IS NULL
      WHERE x.user_id = $1
      ORDER BY length(x.content) DESC, x.id LIMIT 1`,
    [userId],
  );
  if (!project || !artifact) return undefined;
  return { ...board, projectId: project.id, projectArtifacts: project.artifacts, artifact };
}

export function projectStatements(userId: string, pages: ProjectPages): Array<[string, QueryBuilder]> {
  const { customerId, projectId, artifact } = pages;
  return [
    [`projects tab: its ${pages.projects} projects`, asQuery(customerProjectsSql({ userId, customerId }))],
    [`projects API: the board (${pages.projects} projects)`, asQuery(boardSql({ userId, customerId }))],
    ["project page: the project", asQuery(projectSql({ userId, customerId, projectId }))],
    [`project page: its ${pages.projectArtifacts} artifacts`, asQuery(projectArtifactsSql({ userId, customerId, projectId }))],
    [
      `artifact page (${artifact.characters} characters)`,
      asQuery(artifactSql({ userId, customerId: artifact.customerId, projectId: artifact.projectId, artifactId: artifact.id })),
    ],
    ["overview Active projects stat", asQuery(Prisma.sql`SELECT ${ACTIVE_PROJECTS_SQL} FROM customers c WHERE c.id = ${customerId}::uuid`)],
  ];
}
