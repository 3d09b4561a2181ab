export const DEFAULT_REDIRECT = "/customers";

/**
 * A stand-in for the app's own origin. Only "same origin as the app" matters,
 * and no input can name this host: a reserved `.invalid` name stands for
 * whatever host serves the app.
 */
const OWN_ORIGIN = "http://app.invalid";

/**
 * Returns `to` as a path on this site, otherwise `fallback`. Guards against
 * open redirects.
 *
 * The value is judged after it has been normalised the way a browser will
 * read it: resolved against the app's own origin, which removes dot segments
 * (also percent-encoded ones, `%2e`), turns backslashes into slashes and
 * drops tabs and newlines. Only then is it accepted, when it is still on the
 * app's origin and its path starts with exactly one `/` — so neither
 * `/.//evil.example` nor `/a/..//evil.example` can come out as
 * `//evil.example`. What is returned is that normalised path (with its query
 * and fragment), never the raw input.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  // A relative path ("customers") or a scheme is never what the app sends.
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Browsers strip or reinterpret these; refuse rather than guess how.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // Exactly one leading slash: "//host" and "/\host" are other sites to a browser.
  if (!/^\/(?![/\\])/.test(target)) return fallback;
  return target;
}
