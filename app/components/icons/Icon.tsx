import spriteHref from "./sprite.svg";

/**
 * The icons of the app shell and the customer list, drawn from one sprite
 * file (./sprite.svg, Lucide's shapes) instead of a full inline <svg> per use:
 * a card's icon is one short <use>, the browser caches the sprite with the
 * other built assets, and the server renders a few elements instead of an
 * icon component's tree. Decorative only: the text beside it says what it means.
 */
export const ICON_NAMES = [
  "alert-triangle",
  "archive",
  "clock",
  "file-text",
  "log-out",
  "menu",
  "plus",
  "receipt",
  "search",
  "user-cog",
  "users",
] as const;
export type IconName = (typeof ICON_NAMES)[number];

export function Icon({ name, className }: { name: IconName; className: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`${spriteHref}#${name}`} />
    </svg>
  );
}
