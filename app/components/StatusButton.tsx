import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from "react";
import { primaryButtonClass } from "./Field";

/**
 * For a form's buttons and links: pressing one leaves the focus where it is.
 * Otherwise the press blurs the field being edited, its on-blur error appears
 * above the button and pushes it down from under the pointer, and the press
 * never becomes a click (the first "Create" of an empty form did nothing).
 */
export function keepFocusOnPress(event: MouseEvent) {
  event.preventDefault();
}

/**
 * A submit button that shows its form's submission in flight: the label turns
 * into `pendingLabel`, the button is disabled (no double submit) and marked
 * aria-busy. `icon` stays in front of the label in both states. Pair it with
 * `useIsPending` for `pending`. Pressing it does not take the focus from the
 * field being edited (see keepFocusOnPress).
 */
export function StatusButton({
  pending,
  pendingLabel,
  icon,
  children,
  className = primaryButtonClass,
  disabled,
  onMouseDown,
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
      onMouseDown={(event) => {
        keepFocusOnPress(event);
        onMouseDown?.(event);
      }}
    >
      {icon}
      {pending ? pendingLabel : children}
    </button>
  );
}
