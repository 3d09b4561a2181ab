import type { ArtifactStatus, ArtifactType } from "../constants";
import type { ArtifactRow, ArtifactSummary, ProjectRow } from "../queries.server";

/** What the pages show of a project (the loaders select these): the linked agreement's scope names it. */
export type ProjectView = Pick<ProjectRow, "id" | "name" | "description" | "status" | "agreementId" | "agreementScope" | "artifactCounts">;

/** An artifact in a project's list. */
export interface ArtifactListView {
  id: string;
  title: string;
  type: ArtifactType;
  status: ArtifactStatus;
  updatedAt: string | null;
}

/** An artifact on its own page. */
export interface ArtifactView extends ArtifactListView {
  content: string;
}

/** One of the customer's agreements, as the project form offers it. */
export interface AgreementOption {
  id: string;
  scope: string;
}

/** The short name a row goes by in links and confirmations. */
export function shortName(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What a loader sends of a project: what the pages show, nothing more. */
export function toProjectView(row: ProjectRow): ProjectView {
  const { id, name, description, status, agreementId, agreementScope, artifactCounts } = row;
  return { id, name, description, status, agreementId, agreementScope, artifactCounts };
}

export function toArtifactListView(row: ArtifactSummary): ArtifactListView {
  return { id: row.id, title: row.title, type: row.type, status: row.status, updatedAt: row.updatedAt?.toISOString() ?? null };
}

export function toArtifactView(row: ArtifactRow): ArtifactView {
  return { ...toArtifactListView(row), content: row.content };
}
