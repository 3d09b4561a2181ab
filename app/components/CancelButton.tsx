import { Link } from "@remix-run/react";
import { secondaryButtonClass } from "./Field";
import { keepFocusOnPress } from "./StatusButton";

/**
 * Cancel for a form that is either in a dialog (with JavaScript: `onCancel`
 * closes it) or on the page from a URL like `?edit=` (without: a link back to
 * the page without it). Pressing it keeps the focus where it was, so a
 * field's on-blur error cannot move it from under the pointer.
 */
export function CancelButton({ onCancel }: { onCancel?: () => void }) {
  return onCancel ? (
    <button type="button" className={secondaryButtonClass} onClick={onCancel} onMouseDown={keepFocusOnPress}>
      Cancel
    </button>
  ) : (
    <Link to="." preventScrollReset className={secondaryButtonClass} onMouseDown={keepFocusOnPress}>
      Cancel
    </Link>
  );
}
