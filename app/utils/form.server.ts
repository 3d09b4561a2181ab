import { isUtf8 } from "node:buffer";
import { json } from "@remix-run/node";
import { readCappedBody } from "./capped-body.server";
import { parseUrlEncoded } from "./form-decoding.server";
import { isStorableText } from "./storable-text";

/**
 * The largest page form read (urlencoded or multipart), enforced for every
 * request at the edge (app/http/edge.server.ts) and again here. The JSON API
 * has its own limit (app/http/json-body.server.ts).
 */
export const MAX_FORM_BYTES = 1024 * 1024;

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/**
 * A page action's form fields. What is not a form (a JSON or text body, a
 * multipart type with a broken body) is a 415 or 400, never a 500; a form over
 * MAX_FORM_BYTES is a 413, read no further than that; a file part is a 415
 * (the app takes no uploads).
 *
 * Values are not judged here: text the database cannot store (NUL, and bytes
 * that are not UTF-8, which arrive marked as NUL) is an error on its own
 * field, from the field builders (app/utils/fields.ts), so the page comes
 * back with the rest of what was typed. A field whose name cannot be stored
 * is left out: no schema reads such a name, so nothing it holds is stored.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== URLENCODED && mediaType !== MULTIPART) {
    throw json({ error: "unsupported_media_type", message: "Send the form as a form" }, { status: 415 });
  }
  const bytes = await readCappedBody(request.body, MAX_FORM_BYTES, request.headers.get("Content-Length"));
  if (bytes === null) {
    throw json({ error: "payload_too_large", message: `A form may be at most ${MAX_FORM_BYTES / 1024 / 1024} MB` }, { status: 413 });
  }
  const entries = mediaType === URLENCODED ? parseUrlEncoded(bytes) : await readMultipart(bytes, contentType);
  const formData = new FormData();
  for (const [name, value] of entries) {
    if (isStorableText(name)) formData.append(name, value);
  }
  return formData;
}

/**
 * No page posts multipart (no form takes a file); a client that does gets the
 * same rules, but bytes that are not UTF-8 refuse the whole form, since the
 * platform's parser has already made them U+FFFD by the time a field is seen.
 */
async function readMultipart(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Array<[string, string]>> {
  let formData: FormData;
  try {
    formData = await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw json({ error: "bad_request", message: "The form could not be read" }, { status: 400 });
  }
  const entries: Array<[string, string]> = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") {
      throw json({ error: "unsupported_media_type", message: "This app takes no file uploads" }, { status: 415 });
    }
    entries.push([name, value]);
  }
  if (!isUtf8(bytes)) {
    throw json({ error: "bad_request", message: "The form must be sent as UTF-8 text" }, { status: 400 });
  }
  return entries;
}
