import type { ArtifactView, ProjectView } from "./views";

/** Rows for the components' tests. */

export const noArtifacts = { draft: 0, in_progress: 0, review: 0, final: 0, archived: 0 };

export function projectView(overrides: Partial<ProjectView> = {}): ProjectView {
  return {
    id: "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b",
    name: "Website relaunch",
    description: "New site and brand",
    status: "active",
    agreementId: null,
    agreementScope: null,
    artifactCounts: noArtifacts,
    ...overrides,
  };
}

export function artifactView(overrides: Partial<ArtifactView> = {}): ArtifactView {
  return {
    id: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
    title: "Brand guide",
    type: "document",
    status: "draft",
    content: "# Brand guide\n\nUse **indigo**.",
    updatedAt: "2026-06-01T10:00:00.000Z",
    ...overrides,
  };
}
