import { Link } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";

export interface PanelLinkProps<Panel> {
  panel: Panel;
  onOpen?: (panel: Panel) => void;
  className: string;
  label?: string;
  children: ReactNode;
}

/**
 * A link to one of a tab's panels (a form or a confirmation): its URL
 * (`href(panel)`, e.g. ?edit=…, ?confirm=…) opens it as a page without
 * JavaScript; with it (`onOpen` is set once hydrated) the tab opens it in a
 * dialog instead.
 */
export function PanelLink<Panel>({ panel, href, onOpen, className, label, children }: PanelLinkProps<Panel> & { href: (panel: Panel) => string }) {
  const open = (event: MouseEvent) => {
    if (!onOpen) return;
    event.preventDefault();
    onOpen(panel);
  };
  return (
    <Link to={href(panel)} preventScrollReset className={className} aria-label={label} onClick={open}>
      {children}
    </Link>
  );
}
