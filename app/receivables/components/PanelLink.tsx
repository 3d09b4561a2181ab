import { Link } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import { panelHref, type ReceivablePanel } from "./panels";

/**
 * A link to a panel (?new=…, ?edit=…, ?confirm=…): a page without
 * JavaScript, a dialog with it (`onOpen` is set once hydrated).
 */
export function PanelLink({
  panel,
  onOpen,
  className,
  label,
  children,
}: {
  panel: ReceivablePanel;
  onOpen?: (panel: ReceivablePanel) => void;
  className: string;
  label?: string;
  children: ReactNode;
}) {
  const open = (event: MouseEvent) => {
    if (!onOpen) return;
    event.preventDefault();
    onOpen(panel);
  };
  return (
    <Link to={panelHref(panel)} preventScrollReset className={className} aria-label={label} onClick={open}>
      {children}
    </Link>
  );
}
