import { z } from "zod";
import { validationError } from "./responses.server";

/**
 * The query string of an API list (GET /api/customers, a customer's events).
 * Unlike a page, which falls back to defaults, the API rejects what it cannot
 * honour: a client asking for something else must learn it did not get it.
 */

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/** `limit`: a whole number from 1 to MAX_LIMIT, DEFAULT_LIMIT when not given. */
export const LimitParamSchema = z
  .string()
  .regex(/^\d+$/, `Limit must be a whole number from 1 to ${MAX_LIMIT}`)
  .transform(Number)
  .pipe(z.number().int().min(1, "Limit must be at least 1").max(MAX_LIMIT, `Limit must be at most ${MAX_LIMIT}`))
  .default(String(DEFAULT_LIMIT));

/**
 * The known params, an empty value meaning "not given" (as an empty form
 * field). One given twice is a 400: which of them was meant is a guess.
 */
export function readListQuery<Name extends string>(searchParams: URLSearchParams, names: readonly Name[]): Partial<Record<Name, string>> {
  const input: Partial<Record<Name, string>> = {};
  const repeated: Record<string, string[]> = {};
  for (const name of names) {
    const values = searchParams.getAll(name);
    if (values.length > 1) repeated[name] = ["Give this parameter at most once"];
    if (values[0]) input[name] = values[0];
  }
  if (Object.keys(repeated).length > 0) throw validationError(repeated);
  return input;
}
