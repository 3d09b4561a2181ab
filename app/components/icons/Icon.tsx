import spriteHref from "./sprite.svg";

/**
 * Every icon of the app, drawn from one sprite file (./sprite.svg, Lucide's shapes) instead of a full inline <svg> per use:
 * a card's icon is one short <use>, the browser caches the sprite with the
 * other built assets, and the server renders a few elements instead of an
 * icon component's tree. Decorative only: the text beside it says what it means.
 */
export const ICON_NAMES = [
  "alert-circle",
  "alert-triangle",
  "archive",
  "archive-restore",
  "arrow-left",
  "arrow-right-left",
  "ban",
  "banknote",
  "calendar-clock",
  "calendar-plus",
  "check-circle-2",
  "circle-dashed",
  "circle-dot",
  "clock",
  "corner-down-right",
  "download",
  "eye",
  "file-edit",
  "file-text",
  "folder-kanban",
  "history",
  "info",
  "lightbulb",
  "link-2",
  "log-out",
  "mail",
  "menu",
  "pause-circle",
  "pencil",
  "phone",
  "pie-chart",
  "play",
  "play-circle",
  "plus",
  "printer",
  "receipt",
  "refresh-cw",
  "rotate-ccw",
  "search",
  "send",
  "sticky-note",
  "trash-2",
  "undo-2",
  "user-cog",
  "user-plus",
  "users",
  "wallet",
  "x",
  "x-circle",
] as const;
export type IconName = (typeof ICON_NAMES)[number];

export function Icon({ name, className }: { name: IconName; className: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`${spriteHref}#${name}`} />
    </svg>
  );
}
