/**
 * A request body's bytes, read only up to `limit`: null as soon as it passes
 * the limit (what is left is never read). A declared Content-Length over the
 * limit answers null before a byte is read; it is only a shortcut, never
 * trusted, since it may be absent (chunked) or wrong.
 *
 * Cancelling is never awaited: the body of a `request.clone()` is one branch
 * of a tee, and a branch's cancel settles only once the other branch is
 * cancelled too — awaiting it would hang the request forever.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  declaredLength: string | null = null,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaredLength !== null && declaredLength.trim() !== "" && Number(declaredLength) > limit) {
    body?.cancel().catch(() => {});
    return null;
  }
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
