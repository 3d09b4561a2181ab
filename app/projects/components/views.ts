import type { ArtifactCounts, ArtifactStatus, ArtifactType, ProjectStatus } from "../constants";
import type { ArtifactRow, ArtifactSummary, ProjectRow } from "../queries.server";

/** What the pages show of a project (the loaders select these). */
export interface ProjectView {
  id: string;
  name: string;
  description: string | null;
  status: ProjectStatus;
  agreementId: string | null;
  /** The linked agreement's scope, to name it. */
  agreementScope: string | null;
  artifactCounts: ArtifactCounts;
}

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

/** One of the customer's agreements, as the project form offers it (the invoice form's too). */
export type { AgreementOption } from "~/receivables/components/views";

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
