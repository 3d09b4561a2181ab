import { agreementChoicesSql, type AgreementChoice } from "~/agreements/agreements.server";
import type { CustomerRef } from "~/customers/ownership.server";
import { loadCustomerPage } from "~/customers/page.server";
import { dateFromJson, jsonRowSql, jsonRowsSql, type Jsonified } from "~/db/json.server";
import { customerProjectsSql, isProjectRef, projectArtifactsSql, projectSql, type ArtifactSummary, type ProjectRow } from "./queries.server";

/**
 * The board and the project page, each in one statement with the customer
 * (loadCustomerPage): the same SQL the separate readers use, as JSON columns.
 */

function projectFromJson(row: Jsonified<ProjectRow>): ProjectRow {
  return { ...row, createdAt: dateFromJson(row.createdAt), updatedAt: dateFromJson(row.updatedAt) };
}

function artifactFromJson(row: Jsonified<ArtifactSummary>): ArtifactSummary {
  return { ...row, createdAt: dateFromJson(row.createdAt), updatedAt: dateFromJson(row.updatedAt) };
}

/** The board of the user's live customer and the agreements its forms link to; null when not found. */
export async function loadProjectBoard(ref: CustomerRef): Promise<{ projects: ProjectRow[]; agreements: AgreementChoice[] } | null> {
  const row = await loadCustomerPage<{ projects: Array<Jsonified<ProjectRow>>; agreements: AgreementChoice[] }>(ref, {
    projects: jsonRowsSql(customerProjectsSql(ref)),
    agreements: jsonRowsSql(agreementChoicesSql(ref)),
  });
  return row && { projects: row.projects.map(projectFromJson), agreements: row.agreements };
}

export interface ProjectPage {
  project: ProjectRow;
  /** Without their content. */
  artifacts: ArtifactSummary[];
  agreements: AgreementChoice[];
}

/** The project page: the URL's project of the user's live customer, its artifacts and the agreements to link; null when not found. */
export async function loadProjectPage(ref: CustomerRef & { projectId: string }): Promise<ProjectPage | null> {
  if (!isProjectRef(ref)) return null;
  const row = await loadCustomerPage<{ project: Jsonified<ProjectRow> | null; artifacts: Array<Jsonified<ArtifactSummary>>; agreements: AgreementChoice[] }>(ref, {
    project: jsonRowSql(projectSql(ref)),
    artifacts: jsonRowsSql(projectArtifactsSql(ref)),
    agreements: jsonRowsSql(agreementChoicesSql(ref)),
  });
  if (!row?.project) return null;
  return { project: projectFromJson(row.project), artifacts: row.artifacts.map(artifactFromJson), agreements: row.agreements };
}
