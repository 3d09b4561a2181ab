import { json } from "@remix-run/node";
import { readCappedBody } from "./capped-body.server";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "./storable-text";

/**
 * The largest page form read (urlencoded or multipart), enforced for every
 * request at the edge (app/http/edge.server.ts) and again here. The JSON API
 * has its own limit (app/http/json-body.server.ts).
 */
export const MAX_FORM_BYTES = 1024 * 1024;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * A page action's form fields. What is not a form (a JSON or text body, a
 * multipart type with a broken body) is a 415 or 400, never a 500; a form over
 * MAX_FORM_BYTES is a 413, read no further than that; a file part is a 415
 * (the app takes no uploads); a field the database could not store (NUL, an
 * unpaired surrogate) is a 400.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(mediaType)) {
    throw json({ error: "unsupported_media_type", message: "Send the form as a form" }, { status: 415 });
  }
  const bytes = await readCappedBody(request.body, MAX_FORM_BYTES, request.headers.get("Content-Length"));
  if (bytes === null) {
    throw json({ error: "payload_too_large", message: `A form may be at most ${MAX_FORM_BYTES / 1024 / 1024} MB` }, { status: 413 });
  }
  let formData: FormData;
  try {
    formData = await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw json({ error: "bad_request", message: "The form could not be read" }, { status: 400 });
  }
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") {
      throw json({ error: "unsupported_media_type", message: "This app takes no file uploads" }, { status: 415 });
    }
    if (!isStorableText(name) || !isStorableText(value)) {
      throw json({ error: "bad_request", message: UNSTORABLE_TEXT_MESSAGE }, { status: 400 });
    }
  }
  return formData;
}
