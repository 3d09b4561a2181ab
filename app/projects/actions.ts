import type { SubmissionResult } from "@conform-to/react";

/**
 * The intents of the three project pages (CONTRACT.md) and what their action
 * answers when it changes nothing: a 400 with the form's submission (field
 * errors, what was typed) or a 409 with the domain's reason. Browser-safe.
 */

export const BOARD_INTENTS = ["create-project", "update-project", "project-status", "delete-project"] as const;
export const PROJECT_PAGE_INTENTS = ["update-project", "create-artifact"] as const;
export const ARTIFACT_PAGE_INTENTS = ["update-artifact", "artifact-status", "delete-artifact"] as const;

export type ProjectIntent = (typeof BOARD_INTENTS)[number] | (typeof PROJECT_PAGE_INTENTS)[number] | (typeof ARTIFACT_PAGE_INTENTS)[number];

export interface ProjectActionFailure {
  intent: ProjectIntent;
  /** The project the form named, when it named one. */
  projectId: string | null;
  result?: SubmissionResult<string[]>;
  message?: string;
}
