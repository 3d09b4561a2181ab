import { gzipSync } from "node:zlib";

/** Plain fetches the bench makes around the load runs: sign-in, paging, assets. */

export interface Sample {
  status: number;
  location: string | null;
  /** X-Sql-Round-Trips as sent, or null when the app does not send it. */
  roundTrips: string | null;
  body: string;
}

export async function sample(url: string, init: RequestInit = {}): Promise<Sample> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  return {
    status: response.status,
    location: response.headers.get("location"),
    roundTrips: response.headers.get("x-sql-round-trips"),
    body: await response.text(),
  };
}

/** POST /login as a browser form would; returns the session cookie as `name=value`. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password, redirectTo: "/customers" }),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => /^(__Host-)?session=/.test(pair) || pair.startsWith("__session="));
  if (response.status !== 302 || !cookie) {
    throw new Error(`Sign-in as ${email} failed: ${response.status}, Set-Cookie ${response.headers.getSetCookie().join(" | ") || "none"}`);
  }
  return cookie;
}

const decodeEntities = (value: string) =>
  value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match?.[1] === undefined ? null : decodeEntities(match[1]);
}

/** The href of the list page's "Next →" link (rel="next"), or null on the last page. */
export function nextPageHref(html: string): string | null {
  for (const [tag] of html.matchAll(/<a\s[^>]*>/gi)) {
    if (attribute(tag, "rel") === "next") return attribute(tag, "href");
  }
  return null;
}

/** Follows "next" links from `firstPath`, `times` times; returns the path reached. */
export async function followNextLinks(origin: string, firstPath: string, times: number, cookie: string): Promise<string> {
  let current = firstPath;
  for (let page = 1; page <= times; page += 1) {
    const response = await sample(`${origin}${current}`, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`GET ${current} answered ${response.status} while paging`);
    const next = nextPageHref(response.body);
    if (!next) throw new Error(`Page ${page} (${current}) has no next link: fewer than ${times + 1} pages`);
    current = next;
  }
  return current;
}

export interface AssetSizes {
  js: { files: number; bytes: number; gzip: number };
  css: { files: number; bytes: number; gzip: number };
  html: { bytes: number; gzip: number };
}

/** What a browser downloads for the list page: its <script src>, modulepreload and stylesheet links, gzipped. */
export async function assetSizes(origin: string, pagePath: string, cookie: string): Promise<AssetSizes> {
  const page = await sample(`${origin}${pagePath}`, { headers: { Cookie: cookie } });
  if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status}`);
  const urls = new Map<string, "js" | "css">();
  for (const [tag] of page.body.matchAll(/<script\s[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) urls.set(new URL(src, origin).href, "js");
  }
  for (const [tag] of page.body.matchAll(/<link\s[^>]*>/gi)) {
    const rel = attribute(tag, "rel");
    const href = attribute(tag, "href");
    if (href && rel === "modulepreload") urls.set(new URL(href, origin).href, "js");
    if (href && rel === "stylesheet") urls.set(new URL(href, origin).href, "css");
  }
  const sizes: AssetSizes = {
    js: { files: 0, bytes: 0, gzip: 0 },
    css: { files: 0, bytes: 0, gzip: 0 },
    html: { bytes: Buffer.byteLength(page.body), gzip: gzipSync(page.body).length },
  };
  for (const [url, kind] of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    sizes[kind].files += 1;
    sizes[kind].bytes += body.length;
    sizes[kind].gzip += gzipSync(body).length;
  }
  return sizes;
}
