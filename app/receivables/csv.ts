/**
 * CSV as RFC 4180 writes it: CRLF after every record, a field quoted (its
 * quotes doubled) when it holds a comma, a quote, CR or LF.
 *
 * Text a person typed (a reference, a description, a customer's name) that
 * starts with = + - @, a tab or CR is prefixed with a single quote, so a
 * spreadsheet shows it as text instead of running it as a formula ("CSV
 * injection", OWASP). Only text columns: an amount such as "-20.00" is a
 * number, written as it is, and spreadsheets read it as one.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell of the file: text (guarded against formulas) or a value the app wrote itself (a decimal, a date, a status). */
export type CsvCell = { text: string | null } | { value: string | null };

export function csvText(text: string | null): CsvCell {
  return { text };
}

export function csvValue(value: string | null): CsvCell {
  return { value };
}

/** One field as it goes into the file; null is an empty field. */
export function encodeCsvField(cell: CsvCell): string {
  let field = "text" in cell ? (cell.text ?? "") : (cell.value ?? "");
  if ("text" in cell && FORMULA_START.test(field)) field = `'${field}`;
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One record, CRLF-terminated. */
export function encodeCsvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(encodeCsvField).join(",")}\r\n`;
}

/** "acme-corp" for "Acme Corp.": ASCII letters and digits joined by hyphens, for a file name. */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return slug || fallback;
}
