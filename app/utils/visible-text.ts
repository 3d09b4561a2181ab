/**
 * What makes text safe to show: it must show something, and it must not
 * reorder the page around it. The rule and why it is this one:
 * docs/decisions/0011-visible-text.md. Browser-safe.
 */

// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): each can
// reorder everything after it, up to the end of the paragraph it lands in.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// A letter, digit, punctuation or symbol that is not default-ignorable (those
// render as nothing: zero-width spaces, joiners, direction marks, Hangul
// fillers), nor the blank Braille pattern, which renders as a space. Marks
// are left out: an accent with nothing under it is not a name.
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** The text without the controls that override its direction. */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}
