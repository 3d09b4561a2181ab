import { Icon, type IconName } from "~/components/icons/Icon";
import { ARTIFACT_STATUS_LABELS, PROJECT_STATUS_LABELS, type ArtifactStatus, type ProjectStatus } from "../constants";

/**
 * A project's or an artifact's status as a pill: a hue, an icon and the
 * words, so colour is never the only signal. Every pair is a -100 background
 * with -800 text (WCAG AA for small text), as the other badges.
 */

type Style = { className: string; icon: IconName };

const PROJECT_STYLES: Record<ProjectStatus, Style> = {
  planning: { className: "bg-sky-100 text-sky-800 ring-sky-700/20", icon: "lightbulb" },
  active: { className: "bg-emerald-100 text-emerald-800 ring-emerald-700/20", icon: "play-circle" },
  on_hold: { className: "bg-amber-100 text-amber-800 ring-amber-700/20", icon: "pause-circle" },
  completed: { className: "bg-indigo-100 text-indigo-800 ring-indigo-700/20", icon: "check-circle-2" },
  archived: { className: "bg-stone-200 text-stone-800 ring-stone-700/20", icon: "archive" },
};

const ARTIFACT_STYLES: Record<ArtifactStatus, Style> = {
  draft: { className: "bg-slate-100 text-slate-800 ring-slate-600/20", icon: "circle-dashed" },
  in_progress: { className: "bg-sky-100 text-sky-800 ring-sky-700/20", icon: "file-edit" },
  review: { className: "bg-amber-100 text-amber-800 ring-amber-700/20", icon: "eye" },
  final: { className: "bg-emerald-100 text-emerald-800 ring-emerald-700/20", icon: "check-circle-2" },
  archived: { className: "bg-stone-200 text-stone-800 ring-stone-700/20", icon: "archive" },
};

// A status this code does not know (a newer row) still renders, neutral.
const UNKNOWN: Style = { className: "bg-gray-100 text-gray-800 ring-gray-600/20", icon: "clock" };

function Pill({ style, label }: { style: Style; label: string }) {
  return (
    <span className={`pill gap-1 ${style.className}`}>
      <Icon name={style.icon} className="h-3.5 w-3.5" />
      {label}
    </span>
  );
}

export function ProjectStatusBadge({ status }: { status: string }) {
  const known = Object.hasOwn(PROJECT_STYLES, status);
  return <Pill style={known ? PROJECT_STYLES[status as ProjectStatus] : UNKNOWN} label={known ? PROJECT_STATUS_LABELS[status]! : status} />;
}

export function ArtifactStatusBadge({ status }: { status: string }) {
  const known = Object.hasOwn(ARTIFACT_STYLES, status);
  return <Pill style={known ? ARTIFACT_STYLES[status as ArtifactStatus] : UNKNOWN} label={known ? ARTIFACT_STATUS_LABELS[status as ArtifactStatus] : status} />;
}
