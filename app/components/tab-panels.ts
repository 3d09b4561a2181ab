import { useLocation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useHydrated } from "./Dialog";

/**
 * Which of a tab's panels (its forms and confirmations) is open, and where.
 * Without JavaScript a panel is in the URL and a section of the page, and a
 * failed post keeps it open. With JavaScript the same links open a dialog,
 * which remembers the location it was opened at: the redirect of a success
 * moves to a new one and closes it, a failure for its form keeps it open, and
 * a failure the user closed the dialog on stops reopening it.
 */
export function useTabPanels<Panel, Failure>({
  failure,
  fromSearch,
  ofFailure,
  same,
}: {
  failure: Failure | null;
  fromSearch: (search: URLSearchParams) => Panel | null;
  ofFailure: (failure: Failure | null) => Panel | null;
  same: (a: Panel | null, b: Panel | null) => boolean;
}) {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const hydrated = useHydrated();
  const [dialog, setDialog] = useState<{ panel: Panel; key: string } | null>(null);
  const [dismissed, setDismissed] = useState<Failure | null>(null);
  const activeFailure = failure && failure !== dismissed ? failure : null;
  const failedPanel = ofFailure(activeFailure);
  const dialogPanel = hydrated && dialog && (dialog.key === location.key || same(dialog.panel, failedPanel)) ? dialog.panel : null;
  const pagePanel = dialogPanel ? null : (fromSearch(searchParams) ?? failedPanel);
  const onOpen = hydrated ? (panel: Panel) => setDialog({ panel, key: location.key }) : undefined;
  const close = () => {
    setDialog(null);
    setDismissed(failure);
  };
  return { activeFailure, failedPanel, dialogPanel, pagePanel, onOpen, close };
}
