import { StatusPill, type PillStyle } from "~/components/StatusPill";
import { ARTIFACT_STATUS_LABELS, PROJECT_STATUS_LABELS, type ArtifactStatus, type ProjectStatus } from "../constants";

/** A project's or an artifact's status as a pill (StatusPill). */

type Style = PillStyle;

const PROJECT_STYLES: Record<ProjectStatus, Style> = {
  planning: { hue: "sky", icon: "lightbulb" },
  active: { hue: "emerald", icon: "play-circle" },
  on_hold: { hue: "amber", icon: "pause-circle" },
  completed: { hue: "indigo", icon: "check-circle-2" },
  archived: { hue: "stone", icon: "archive" },
};

const ARTIFACT_STYLES: Record<ArtifactStatus, Style> = {
  draft: { hue: "slate", icon: "circle-dashed" },
  in_progress: { hue: "sky", icon: "file-edit" },
  review: { hue: "amber", icon: "eye" },
  final: { hue: "emerald", icon: "check-circle-2" },
  archived: { hue: "stone", icon: "archive" },
};

// A status this code does not know (a newer row) still renders, neutral.
const UNKNOWN: Style = { hue: "gray", icon: "clock" };

export function ProjectStatusBadge({ status }: { status: string }) {
  const known = Object.hasOwn(PROJECT_STYLES, status);
  return <StatusPill style={known ? PROJECT_STYLES[status as ProjectStatus] : UNKNOWN} label={known ? PROJECT_STATUS_LABELS[status]! : status} />;
}

export function ArtifactStatusBadge({ status }: { status: string }) {
  const known = Object.hasOwn(ARTIFACT_STYLES, status);
  return <StatusPill style={known ? ARTIFACT_STYLES[status as ArtifactStatus] : UNKNOWN} label={known ? ARTIFACT_STATUS_LABELS[status as ArtifactStatus] : status} />;
}
