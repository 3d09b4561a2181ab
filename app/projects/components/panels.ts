import type { ProjectActionFailure } from "../actions";

/**
 * The form the projects board has open: a new project, an edit, or the
 * delete confirmation. Without JavaScript it is in the URL (?new,
 * ?edit=<id>, ?confirm=delete&projectId=<id>) and shown on the page; with
 * JavaScript the same links open it in a dialog (~/components/tab-panels).
 */
export type BoardPanel = { kind: "new" } | { kind: "edit"; projectId: string } | { kind: "delete"; projectId: string };

export function boardPanelHref(panel: BoardPanel): string {
  if (panel.kind === "new") return "?new";
  if (panel.kind === "edit") return `?edit=${encodeURIComponent(panel.projectId)}`;
  return `?confirm=delete&projectId=${encodeURIComponent(panel.projectId)}`;
}

export function boardPanelFromSearch(search: URLSearchParams): BoardPanel | null {
  const edit = search.get("edit");
  if (edit) return { kind: "edit", projectId: edit };
  const projectId = search.get("projectId");
  if (search.get("confirm") === "delete" && projectId) return { kind: "delete", projectId };
  if (search.has("new")) return { kind: "new" };
  return null;
}

/** The panel whose submission failed, so that it shows again with the errors. */
export function boardPanelOfFailure(failure: ProjectActionFailure | null | undefined): BoardPanel | null {
  if (!failure) return null;
  if (failure.intent === "create-project") return { kind: "new" };
  if (!failure.projectId) return null;
  if (failure.intent === "update-project") return { kind: "edit", projectId: failure.projectId };
  if (failure.intent === "delete-project") return { kind: "delete", projectId: failure.projectId };
  return null;
}

export function sameBoardPanel(a: BoardPanel | null, b: BoardPanel | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === "new" || ("projectId" in b && a.projectId === b.projectId);
}

/**
 * The project page's panels: editing the project, adding an artifact. The
 * same links and dialogs as the board's.
 */
export type ProjectPagePanel = { kind: "edit" } | { kind: "new-artifact" };

export function projectPanelHref(panel: ProjectPagePanel): string {
  return panel.kind === "edit" ? "?edit" : "?new-artifact";
}

export function projectPanelFromSearch(search: URLSearchParams): ProjectPagePanel | null {
  if (search.has("edit")) return { kind: "edit" };
  if (search.has("new-artifact")) return { kind: "new-artifact" };
  return null;
}

export function projectPanelOfFailure(failure: ProjectActionFailure | null | undefined): ProjectPagePanel | null {
  if (failure?.intent === "update-project") return { kind: "edit" };
  if (failure?.intent === "create-artifact") return { kind: "new-artifact" };
  return null;
}

/** For a page whose panels are told apart by kind alone (the project's and the artifact's). */
export function sameKind<Panel extends { kind: string }>(a: Panel | null, b: Panel | null): boolean {
  return a !== null && b !== null && a.kind === b.kind;
}

/** The artifact page's: its edit form (on the page, as the content needs room) and the delete confirmation. */
export type ArtifactPagePanel = { kind: "edit" } | { kind: "delete" };

export function artifactPanelHref(panel: ArtifactPagePanel): string {
  return panel.kind === "edit" ? "?edit" : "?confirm=delete";
}

export function artifactPanelFromSearch(search: URLSearchParams): ArtifactPagePanel | null {
  if (search.has("edit")) return { kind: "edit" };
  if (search.get("confirm") === "delete") return { kind: "delete" };
  return null;
}

export function artifactPanelOfFailure(failure: ProjectActionFailure | null | undefined): ArtifactPagePanel | null {
  if (failure?.intent === "update-artifact") return { kind: "edit" };
  if (failure?.intent === "delete-artifact") return { kind: "delete" };
  return null;
}
