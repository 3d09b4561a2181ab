import { CheckCircle2, Info, XCircle } from "lucide-react";
import { useEffect, useState } from "react";
import type { Toast } from "~/utils/toast";

const styles = {
  success: { icon: CheckCircle2, className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  error: { icon: XCircle, className: "border-red-200 bg-red-50 text-red-900" },
  info: { icon: Info, className: "border-slate-200 bg-white text-slate-900" },
} as const;

/**
 * Shows the flash message the server put in a cookie. It is part of the HTML,
 * so it appears without JavaScript; with JavaScript it fades after a while.
 */
export function ToastRegion({ toast }: { toast: Toast | null }) {
  const [visible, setVisible] = useState<Toast | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 top-4 z-50 flex justify-center px-4">
      {visible ? (
        <ToastCard toast={visible} />
      ) : null}
    </div>
  );
}

function ToastCard({ toast }: { toast: Toast }) {
  const { icon: Icon, className } = styles[toast.kind];
  return (
    <p className={`pointer-events-auto flex items-center gap-2 rounded-md border px-4 py-3 text-sm shadow-md wrap-anywhere ${className}`}>
      <Icon aria-hidden="true" className="h-4 w-4 shrink-0" />
      {toast.message}
    </p>
  );
}
