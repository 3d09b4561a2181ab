import { useEffect, useRef, type RefObject } from "react";

/** A form's fields, in the order the keyboard reaches them. */
export const FORM_FIELDS = "input:not([type=hidden]), select, textarea";

/**
 * Keyboard focus around a form that opens in place of what it edits, with
 * JavaScript (without it every step is a page load). The element holding the
 * focus leaves the page — the Edit button as the form opens, Save or Cancel
 * as it closes — and the browser drops the focus to <body>. So when
 * `editing` (the key of what is being edited, or null) changes, the focus
 * goes to the opened form's first field, or back to the Edit button of what
 * was being edited. Inside `container`, the form's wrapper is marked
 * `data-edit-form={key}` and the button `data-edit-trigger={key}`. The page
 * as loaded moves nothing.
 */
export function useEditFocus(editing: string | null, container: RefObject<HTMLElement>): void {
  const previous = useRef(editing);
  useEffect(() => {
    const was = previous.current;
    previous.current = editing;
    if (was === editing || !container.current) return;
    const marked = (attribute: "editForm" | "editTrigger", key: string) =>
      [...container.current!.querySelectorAll<HTMLElement>(attribute === "editForm" ? "[data-edit-form]" : "[data-edit-trigger]")].find(
        (element) => element.dataset[attribute] === key,
      );
    const target = editing !== null ? marked("editForm", editing)?.querySelector<HTMLElement>(FORM_FIELDS) : was !== null ? marked("editTrigger", was) : null;
    target?.focus();
  }, [editing, container]);
}
