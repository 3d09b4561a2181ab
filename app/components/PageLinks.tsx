import { Link } from "@remix-run/react";
import { secondaryButtonClass } from "./Field";

export interface PageLink {
  /** null: no such page (the link is left out). */
  href: string | null;
  label: string;
  rel?: "prev" | "next";
}

/**
 * A keyset list's page links: plain links, so paging works without
 * JavaScript. `back` sits on the left (a placeholder keeps `forward` right).
 */
export function PageLinks({ label, back, forward }: { label: string; back: PageLink; forward: PageLink }) {
  if (!back.href && !forward.href) return null;
  return (
    <nav aria-label={label} className="flex justify-between gap-2">
      {back.href ? (
        <Link to={back.href} className={secondaryButtonClass} rel={back.rel}>
          {back.label}
        </Link>
      ) : (
        <span />
      )}
      {forward.href ? (
        <Link to={forward.href} className={secondaryButtonClass} rel={forward.rel}>
          {forward.label}
        </Link>
      ) : null}
    </nav>
  );
}
