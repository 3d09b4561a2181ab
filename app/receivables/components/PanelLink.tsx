import { PanelLink as TabPanelLink, type PanelLinkProps } from "~/components/PanelLink";
import { panelHref, type ReceivablePanel } from "./panels";

/** A link to one of the receivables tab's panels (see ~/components/PanelLink). */
export function PanelLink(props: PanelLinkProps<ReceivablePanel>) {
  return <TabPanelLink {...props} href={panelHref} />;
}
