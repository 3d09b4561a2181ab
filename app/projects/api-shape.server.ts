import type { ArtifactCounts } from "./constants";
import type { ArtifactRow, ProjectRow } from "./queries.server";

/** A project as the JSON API returns it (CONTRACT.md): snake_case, every artifact status counted. */
export interface ApiProject {
  id: string;
  customer_id: string;
  name: string;
  description: string | null;
  status: string;
  agreement_id: string | null;
  artifact_counts: ArtifactCounts;
  created_at: string | null;
  updated_at: string | null;
}

/** An artifact as the JSON API returns it (CONTRACT.md). */
export interface ApiArtifact {
  id: string;
  project_id: string;
  customer_id: string;
  type: string;
  title: string;
  content: string;
  status: string;
  created_at: string | null;
  updated_at: string | null;
}

export function toApiProject(row: ProjectRow): ApiProject {
  return {
    id: row.id,
    customer_id: row.customerId,
    name: row.name,
    description: row.description,
    status: row.status,
    agreement_id: row.agreementId,
    artifact_counts: row.artifactCounts,
    created_at: row.createdAt?.toISOString() ?? null,
    updated_at: row.updatedAt?.toISOString() ?? null,
  };
}

export function toApiArtifact(row: ArtifactRow): ApiArtifact {
  return {
    id: row.id,
    project_id: row.projectId,
    customer_id: row.customerId,
    type: row.type,
    title: row.title,
    content: row.content,
    status: row.status,
    created_at: row.createdAt?.toISOString() ?? null,
    updated_at: row.updatedAt?.toISOString() ?? null,
  };
}
