import { agreementChoicesSql, type AgreementChoice } from "~/agreements/agreements.server";
import type { CustomerRef } from "~/customers/ownership.server";
import { loadCustomerPage } from "~/customers/page.server";
import { dateFromJson, jsonRowSql, jsonRowsSql, type Jsonified } from "~/db/json.server";
import {
  artifactSql,
  customerProjectsSql,
  isArtifactRef,
  isProjectRef,
  projectArtifactsSql,
  projectSql,
  type ArtifactRow,
  type ArtifactSummary,
  type ProjectRow,
} from "./queries.server";

/**
 * The board, the project page and the artifact page, each in one statement with the customer
 * (loadCustomerPage): the same SQL the separate readers use, as JSON columns.
 */

/** A project or artifact as it came back through JSON, with its timestamps as Dates again. */
function withDates<Row extends { createdAt: Date | null; updatedAt: Date | null }>(row: Jsonified<Row>): Row {
  // TypeScript cannot map a generic Row's keys: the two are the JSON strings Jsonified makes of them.
  return { ...row, createdAt: dateFromJson(row.createdAt as string | null), updatedAt: dateFromJson(row.updatedAt as string | null) } as Row;
}

/** The board of the user's live customer and the agreements its forms link to; null when not found. */
export async function loadProjectBoard(ref: CustomerRef): Promise<{ projects: ProjectRow[]; agreements: AgreementChoice[] } | null> {
  const row = await loadCustomerPage<{ projects: Array<Jsonified<ProjectRow>>; agreements: AgreementChoice[] }>(ref, {
    projects: jsonRowsSql(customerProjectsSql(ref)),
    agreements: jsonRowsSql(agreementChoicesSql(ref)),
  });
  return row && { projects: row.projects.map(withDates<ProjectRow>), agreements: row.agreements };
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
  return { project: withDates<ProjectRow>(row.project), artifacts: row.artifacts.map(withDates<ArtifactSummary>), agreements: row.agreements };
}

/** The artifact page: the URL's artifact (with its content) of the URL's project and live customer; null when not found. */
export async function loadArtifactPage(ref: CustomerRef & { projectId: string; artifactId: string }): Promise<ArtifactRow | null> {
  if (!isArtifactRef(ref)) return null;
  const row = await loadCustomerPage<{ artifact: Jsonified<ArtifactRow> | null }>(ref, { artifact: jsonRowSql(artifactSql(ref)) });
  return row?.artifact ? withDates<ArtifactRow>(row.artifact) : null;
}
