/**
 * A link inside a line of text is underlined: colour alone would not tell it
 * apart from the words around it (axe's link-in-text-block, serious).
 */
export const INLINE_LINK_CLASS = "text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700";
