import { json } from "@remix-run/node";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "./storable-text";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * A page action's form fields. What is not a form (a JSON or text body, a
 * multipart type with a broken body) is a 415 or 400, never a 500; a field the
 * database could not store (NUL, an unpaired surrogate) is a 400.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(mediaType)) {
    throw json({ error: "unsupported_media_type", message: "Send the form as a form" }, { status: 415 });
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw json({ error: "bad_request", message: "The form could not be read" }, { status: 400 });
  }
  for (const [name, value] of formData.entries()) {
    if (!isStorableText(name) || (typeof value === "string" && !isStorableText(value))) {
      throw json({ error: "bad_request", message: UNSTORABLE_TEXT_MESSAGE }, { status: 400 });
    }
  }
  return formData;
}
