/**
 * A flash message: set by an action with the redirect that follows it, shown
 * once on the next page. Browser-safe; the cookie that carries it is in
 * toast.server.ts.
 */

export const TOAST_KINDS = ["success", "error", "info"] as const;
export type ToastKind = (typeof TOAST_KINDS)[number];

export interface Toast {
  kind: ToastKind;
  message: string;
}

export function isToast(value: unknown): value is Toast {
  if (!value || typeof value !== "object") return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.message === "string" && (TOAST_KINDS as readonly unknown[]).includes(candidate.kind);
}
