import type { ButtonHTMLAttributes, ReactNode } from "react";
import { primaryButtonClass } from "./Field";

/**
 * A submit button that shows its form's submission in flight: the label turns
 * into `pendingLabel`, the button is disabled (no double submit) and marked
 * aria-busy. `icon` stays in front of the label in both states. Pair it with
 * `useIsPending` for `pending`.
 */
export function StatusButton({
  pending,
  pendingLabel,
  icon,
  children,
  className = primaryButtonClass,
  disabled,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  pending: boolean;
  pendingLabel: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <button
      {...props}
      type="submit"
      className={className}
      disabled={disabled || pending}
      aria-busy={pending ? true : undefined}
    >
      {icon}
      {pending ? pendingLabel : children}
    </button>
  );
}
