/**
 * Edit forms and the lost update (docs/decisions/0012-edit-forms-send-what-changed.md).
 * An edit form carries the values it was opened with, as JSON in one hidden
 * field; the server writes only the fields the user changed from those, and
 * refuses the edit when someone else changed one of those same fields since.
 * Pure and browser-safe: the forms render the field, the domain merges under
 * its row lock.
 */

/** The hidden field holding the values the form was opened with (JSON). */
export const OPENED_WITH = "openedWith";

/** A form's values as its fields hold them: text, "" when empty. */
export type FormValues = Record<string, string>;

/** A form's field names, from the labels it shows them with (one list, so the two cannot drift). */
export function fieldsOf<Field extends string>(labels: Readonly<Record<Field, string>>): Field[] {
  return Object.keys(labels) as Field[];
}

/** The values of `fields` in a decoded form (Conform's payload): text as posted, "" when absent. */
export function formValuesOf(payload: Record<string, unknown>, fields: readonly string[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field, typeof payload[field] === "string" ? (payload[field] as string) : ""]));
}

/**
 * The opened-with values a post carries, for `fields`; null when it carries
 * none that can be read (a client that does not send them: every field then
 * counts as typed, as before there were any).
 */
export function openedWithOf(formData: FormData, fields: readonly string[]): FormValues | null {
  const raw = formData.get(OPENED_WITH);
  if (typeof raw !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  return formValuesOf(parsed as Record<string, unknown>, fields);
}

// A textarea posts its line breaks as CRLF, and blanks around a value are
// trimmed on save: neither is a change anyone made.
function same(a: string, b: string): boolean {
  const plain = (value: string) => value.replace(/\r\n?/g, "\n").trim();
  return plain(a) === plain(b);
}

export interface EditMerge<Field extends string = string> {
  /** Fields the user changed and nobody else did: what to write. */
  changed: Field[];
  /** Fields the user changed that someone else changed too, to another value: the edit is refused. */
  conflicts: Field[];
  /** What the form shows if refused: the user's value where they changed one, the current one elsewhere. */
  merged: FormValues;
  /** The current values, against which the edit was measured. */
  current: FormValues;
}

/**
 * Three-way merge of an edit, field by field: `opened` (what the form showed,
 * null for "the current values"), `mine` (what it posted) and `current` (the
 * row now, read under its lock). A field left as opened takes the current
 * value; one changed to what it already is now writes nothing.
 */
export function mergeEdit<Field extends string>(
  fields: readonly Field[],
  { opened, mine, current }: { opened: FormValues | null; mine: FormValues; current: FormValues },
): EditMerge<Field> {
  const base = opened ?? current;
  const merge: EditMerge<Field> = { changed: [], conflicts: [], merged: {}, current };
  for (const field of fields) {
    const [was, typed, now] = [base[field] ?? "", mine[field] ?? "", current[field] ?? ""];
    if (same(typed, was)) {
      merge.merged[field] = now;
      continue;
    }
    merge.merged[field] = typed;
    if (same(typed, now)) continue;
    if (same(now, was)) merge.changed.push(field);
    else merge.conflicts.push(field);
  }
  return merge;
}

/** The values an edit form was opened with; null (or left out) when it sent none, as a script would. */
export interface OpenedWith {
  opened?: FormValues | null;
}

/** An edit refused because someone else changed a field it changes: what merging it found. */
export interface StaleEdit {
  stale: EditMerge;
}

const EXCERPT = 300;

/** How a refused edit names a field someone else changed: what it reads now, or that it was cleared. */
export function changedByOthersMessage(label: string, now: string): string {
  const text = now.trim();
  if (!text) return `Someone else cleared ${label} since you opened this form.`;
  const shown = text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
  return `Someone else changed ${label} since you opened this form: it now reads \u201c${shown}\u201d.`;
}
