import { useLocation } from "@remix-run/react";
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
 *
 * A plain <a>, not Remix's <Link>: once hydrated the click opens the dialog
 * and never navigates, and before that (or without JavaScript) a document
 * request is what the link is for. A <Link> resolved its route and built its
 * handlers for every one of a tab's row actions: react, react-router and
 * @remix-run/react went from 14% to 8% of the receivables tab's server CPU
 * (a CPU profile of 500 documents). The page's path is all it needs.
 */
export function PanelLink<Panel>({ panel, href, onOpen, className, label, children }: PanelLinkProps<Panel> & { href: (panel: Panel) => string }) {
  const { pathname } = useLocation();
  const open = (event: MouseEvent) => {
    if (!onOpen) return;
    event.preventDefault();
    onOpen(panel);
  };
  return (
    <a href={`${pathname}${href(panel)}`} className={className} aria-label={label} onClick={open}>
      {children}
    </a>
  );
}
