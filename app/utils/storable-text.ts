// PostgreSQL refuses two things JavaScript strings can hold: NUL (in text and
// in jsonb) and, in jsonb, a UTF-16 surrogate without its pair. Input carrying
// them is refused at the edge as a 400, not left to fail in the database.

const NUL = "\u0000";
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = "Must not contain NUL characters or unpaired surrogates";

export function isStorableText(value: string): boolean {
  return !value.includes(NUL) && !LONE_SURROGATE.test(value);
}

/** The same text with NUL removed and lone surrogates replaced: for lenient inputs such as a search box. */
export function toStorableText(value: string): string {
  return value.replaceAll(NUL, "").replace(new RegExp(LONE_SURROGATE.source, "g"), "\ufffd");
}

/** The path ("info.team.0.name", "" for the root) of the first unstorable key or string in a JSON value. */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".");
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findUnstorableText(value[index], [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key].join(".");
      const found = findUnstorableText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * How deeply arrays and objects nest in JSON text, strings skipped: measured
 * before parsing, so neither the parser, nor a validator, nor the database's
 * recursive merge ever meets a pathological depth.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "{" || char === "[") {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === "}" || char === "]") {
      depth -= 1;
    }
  }
  return deepest;
}
