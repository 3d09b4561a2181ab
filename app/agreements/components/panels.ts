import { isLifecycleAction, LIFECYCLE_INTENT, type AgreementActionFailure, type LifecycleAction } from "../actions";

/**
 * The form the agreements tab has open: a new agreement, an edit, or the
 * confirmation of a lifecycle action. Without JavaScript it is in the URL
 * (?new, ?edit=<id>, ?confirm=<action>&agreementId=<id>) and shown on the
 * page; with JavaScript the same links open it in a dialog.
 */
export type AgreementPanel =
  | { kind: "new" }
  | { kind: "edit"; agreementId: string }
  | { kind: LifecycleAction; agreementId: string };

export function panelHref(panel: AgreementPanel): string {
  if (panel.kind === "new") return "?new";
  if (panel.kind === "edit") return `?edit=${encodeURIComponent(panel.agreementId)}`;
  return `?confirm=${panel.kind}&agreementId=${encodeURIComponent(panel.agreementId)}`;
}

export function panelFromSearch(search: URLSearchParams): AgreementPanel | null {
  const edit = search.get("edit");
  if (edit) return { kind: "edit", agreementId: edit };
  const confirm = search.get("confirm");
  const agreementId = search.get("agreementId");
  if (isLifecycleAction(confirm) && agreementId) return { kind: confirm, agreementId };
  if (search.has("new")) return { kind: "new" };
  return null;
}

/** The panel whose submission failed, so that it shows again with the errors. */
export function panelOfFailure(failure: AgreementActionFailure | null | undefined): AgreementPanel | null {
  if (!failure) return null;
  if (failure.intent === "create-agreement") return { kind: "new" };
  if (!failure.agreementId) return null;
  if (failure.intent === "update-agreement") return { kind: "edit", agreementId: failure.agreementId };
  const action = (Object.keys(LIFECYCLE_INTENT) as LifecycleAction[]).find((key) => LIFECYCLE_INTENT[key] === failure.intent);
  return action ? { kind: action, agreementId: failure.agreementId } : null;
}

export function samePanel(a: AgreementPanel | null, b: AgreementPanel | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === "new" || ("agreementId" in b && a.agreementId === b.agreementId);
}
