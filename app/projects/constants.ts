/**
 * Projects' and artifacts' fixed vocabulary (DOMAIN.md "Projects and
 * artifacts"), with labels and limits. Zod-free and browser-safe; the
 * database CHECKs the same lists (migrations init and projects).
 */

export const PROJECT_STATUSES = ["planning", "active", "on_hold", "completed", "archived"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const ARTIFACT_TYPES = ["document", "design", "report", "code", "custom"] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

export const ARTIFACT_TYPE_LABELS: Record<ArtifactType, string> = {
  document: "Document",
  design: "Design",
  report: "Report",
  code: "Code",
  custom: "Other",
};

export const ARTIFACT_STATUSES = ["draft", "in_progress", "review", "final", "archived"] as const;
export type ArtifactStatus = (typeof ARTIFACT_STATUSES)[number];

export const ARTIFACT_STATUS_LABELS: Record<ArtifactStatus, string> = {
  draft: "Draft",
  in_progress: "In progress",
  review: "In review",
  final: "Final",
  archived: "Archived",
};

/** How many artifacts of a project are in each status: every status a key, 0 when none. */
export type ArtifactCounts = Record<ArtifactStatus, number>;

export const PROJECT_LIMITS = {
  name: 200,
  description: 5000,
  title: 200,
  /** 200 KB of Markdown, counted in characters (a CHECK, migration projects). */
  content: 204_800,
} as const;

export function isProjectStatus(value: unknown): value is ProjectStatus {
  return typeof value === "string" && (PROJECT_STATUSES as readonly string[]).includes(value);
}

export function isArtifactStatus(value: unknown): value is ArtifactStatus {
  return typeof value === "string" && (ARTIFACT_STATUSES as readonly string[]).includes(value);
}

/** A project's status labels (one list, in ./status, which the tab imported first). */
export { PROJECT_STATUS_LABELS } from "./status";
