import { json } from "@remix-run/node";
import type { z } from "zod";
import { readCappedBody } from "~/utils/capped-body.server";
import { findUnstorableText, jsonNestingDepth, UNSTORABLE_TEXT_MESSAGE } from "~/utils/storable-text";
import { validationError, type Issues } from "./responses.server";

/**
 * Reading a JSON API body that may be anything. Failures are thrown as the
 * contract's error Responses, so a route reads as "authenticate, parse, call
 * the domain, respond".
 */

/** Far above any valid request (info alone is capped at 64 KB), far below harm. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Deeper than any valid body (info nests three levels), shallower than any stack. */
export const MAX_JSON_DEPTH = 32;

export function payloadTooLarge() {
  return json(
    { error: "payload_too_large", issues: { "": [`Body must be at most ${MAX_BODY_BYTES / 1024} KB`] } },
    { status: 413 },
  );
}

/** A problem with the body as a whole has no field: it is keyed by the root path. */
function bodyError(message: string): Response {
  return validationError({ "": [message] });
}

/**
 * Zod issues keyed by dotted field path ("info.product.url", "" for the root).
 * An unknown key is reported under its own name, where a client can show it.
 */
export function issuesFromZod(error: z.ZodError): Issues {
  // A Map, then fromEntries: a key like "__proto__" stays an ordinary field.
  const issues = new Map<string, string[]>();
  const add = (path: ReadonlyArray<string | number>, message: string) => {
    const key = path.join(".");
    issues.set(key, [...(issues.get(key) ?? []), message]);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], "Unknown field");
    } else {
      add(issue.path, issue.message);
    }
  }
  return Object.fromEntries(issues);
}

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const mediaType = header.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

/** The body's bytes, or a 413 as soon as it passes the cap. */
async function readCapped(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readCappedBody(request.body, MAX_BODY_BYTES, request.headers.get("Content-Length"));
  if (bytes === null) throw payloadTooLarge();
  return bytes;
}

/**
 * The request's JSON object body, validated by `schema`. Whatever arrives
 * (no content type, bad UTF-8, not JSON, an array, null, a string, too big)
 * ends as a 400 (413 when too big), never a 500. With `optional` (an action
 * whose fields may all be left out, like `POST …/suspend`), no body at all is
 * read as `{}`; a body that is sent is held to the same rules.
 */
export async function readJsonBody<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  { optional = false }: { optional?: boolean } = {},
): Promise<z.output<Schema>> {
  const typed = isJsonContentType(request.headers.get("Content-Type"));
  if (!typed && !optional) throw bodyError("Content-Type must be application/json");
  const bytes = await readCapped(request);
  if (optional && bytes.byteLength === 0) return validated({}, schema);
  if (!typed) throw bodyError("Content-Type must be application/json");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw bodyError("Body must be UTF-8 encoded JSON");
  }
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    throw bodyError(`Body must not nest deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw bodyError("Body must be valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw bodyError("Body must be a JSON object");
  }
  const unstorable = findUnstorableText(body);
  if (unstorable !== null) throw validationError({ [unstorable]: [UNSTORABLE_TEXT_MESSAGE] });
  return validated(body, schema);
}

function validated<Schema extends z.ZodTypeAny>(body: unknown, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) throw validationError(issuesFromZod(result.error));
  return result.data as z.output<Schema>;
}
