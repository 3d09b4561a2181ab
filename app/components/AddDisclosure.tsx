import { Icon, type IconName } from "./icons/Icon";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * An "add" form behind a disclosure (a <details>, so it opens without
 * JavaScript), open when `open` (a refused save, to show its errors and what
 * was typed). Without JavaScript the redirect after a save brings a fresh
 * page. With it the page stays, so the form tells the disclosure when it was
 * saved (`children` gets the callback, for useConformForm's `onSaved`): the
 * disclosure then starts over, closed and with an empty form, or the next
 * click would add the same thing again.
 */
export function AddDisclosure({
  summary,
  icon,
  open,
  className = "",
  children,
}: {
  summary: string;
  icon: IconName;
  open: boolean;
  className?: string;
  children: (onSaved: () => void) => ReactNode;
}) {
  const [saves, setSaves] = useState(0);
  const summaryRef = useRef<HTMLElement>(null);
  // The field that had the focus went with the old form; the summary is where
  // a keyboard user picks up again (to add another).
  useEffect(() => {
    if (saves > 0 && (document.activeElement === null || document.activeElement === document.body)) summaryRef.current?.focus();
  }, [saves]);
  return (
    <details key={saves} className={`rounded-md border border-slate-200 p-3 ${className}`} open={open || undefined}>
      <summary ref={summaryRef} className="flex cursor-pointer items-center gap-2 text-sm font-medium text-indigo-700">
        <Icon name={icon} className="h-4 w-4" />
        {summary}
      </summary>
      <div className="mt-3">{children(() => setSaves((count) => count + 1))}</div>
    </details>
  );
}
