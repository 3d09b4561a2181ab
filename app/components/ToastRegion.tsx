import { Icon } from "./icons/Icon";
import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type { Toast } from "~/utils/toast";
import { retryHeldRequests, serverReach, subscribeToServerReach, type ServerReach } from "~/utils/unreachable-server";

const styles = {
  success: { icon: "check-circle-2", className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  error: { icon: "x-circle", className: "border-red-200 bg-red-50 text-red-900" },
  info: { icon: "info", className: "border-slate-200 bg-white text-slate-900" },
} as const;

const UNREACHABLE: Toast = { kind: "error", message: "Could not reach the server. Check your connection, then retry." };

/**
 * Shows the flash message the server put in a cookie. It is part of the HTML,
 * so it appears without JavaScript; with JavaScript it fades after a while.
 * With JavaScript it also says when a request could not reach the server, and
 * offers to send it again; that one stays until the request is through or
 * given up (app/utils/unreachable-server.ts).
 */
export function ToastRegion({ toast }: { toast: Toast | null }) {
  const [visible, setVisible] = useState<Toast | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  // The server renders "reachable": nothing to show before JavaScript runs.
  const reach = useSyncExternalStore<ServerReach>(subscribeToServerReach, serverReach, () => "reachable");

  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 top-4 z-50 flex flex-col items-center gap-2 px-4">
      {visible ? <ToastCard toast={visible} /> : null}
      {reach === "reachable" ? null : (
        <ToastCard toast={UNREACHABLE}>
          <button
            type="button"
            onClick={retryHeldRequests}
            disabled={reach === "retrying"}
            className="ml-2 rounded border border-red-300 bg-white px-2 py-1 text-xs font-medium text-red-900 hover:bg-red-100 disabled:opacity-60"
          >
            {reach === "retrying" ? "Retrying…" : "Retry"}
          </button>
        </ToastCard>
      )}
    </div>
  );
}

function ToastCard({ toast, children }: { toast: Toast; children?: ReactNode }) {
  const { icon, className } = styles[toast.kind];
  return (
    <div className={`pointer-events-auto flex items-center gap-2 rounded-md border px-4 py-3 text-sm shadow-md ${className}`}>
      <Icon name={icon} className="h-4 w-4 shrink-0" />
      <p className="wrap-anywhere">{toast.message}</p>
      {children}
    </div>
  );
}
