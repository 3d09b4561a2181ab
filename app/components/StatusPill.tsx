import type { ReactNode } from "react";
import { Icon, type IconName } from "./icons/Icon";

// The badges' hues, -100 backgrounds (stone -200) with -800 text: WCAG AA for small text.
const HUES = {
  sky: "bg-sky-100 text-sky-800 ring-sky-700/20",
  emerald: "bg-emerald-100 text-emerald-800 ring-emerald-700/20",
  amber: "bg-amber-100 text-amber-800 ring-amber-700/20",
  indigo: "bg-indigo-100 text-indigo-800 ring-indigo-700/20",
  stone: "bg-stone-200 text-stone-800 ring-stone-700/20",
  slate: "bg-slate-100 text-slate-800 ring-slate-600/20",
  gray: "bg-gray-100 text-gray-800 ring-gray-600/20",
  violet: "bg-violet-100 text-violet-800 ring-violet-700/20",
  rose: "bg-rose-100 text-rose-800 ring-rose-700/20",
  zinc: "bg-zinc-100 text-zinc-800 ring-zinc-600/20",
} as const;

/** How a status looks as a pill: its hue and its icon. */
export interface PillStyle {
  hue: keyof typeof HUES;
  icon: IconName;
}

/**
 * A status as a pill: a hue, an icon and the words, so colour is never the
 * only signal. `children` follow the label (e.g. "· 12 days left").
 */
export function StatusPill({ style, label, children }: { style: PillStyle; label: string; children?: ReactNode }) {
  return (
    <span className={`pill gap-1 ${HUES[style.hue]}`}>
      <Icon name={style.icon} className="h-3.5 w-3.5" />
      {label}
      {children}
    </span>
  );
}
