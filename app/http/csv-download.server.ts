import { SESSION_CACHE_CONTROL } from "./edge.server";

/**
 * A CSV file as a download: RFC 4180's media type with its charset, saved
 * under `filename` (ASCII, see fileSlug) rather than shown, and kept out of
 * every cache like every other answer of a signed-in user (SECURITY.md).
 */
export function csvDownload(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": SESSION_CACHE_CONTROL,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
