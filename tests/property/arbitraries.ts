import fc from "fast-check";
import { encodeCursor } from "~/customers/cursor.server";
import { CUSTOMER_STATUSES, SORTS, type CustomerSort } from "~/customers/constants";
import { BASE_URL } from "../http";
import type { World } from "./harness";

/**
 * Generators of hostile input, shared by the API and page-action properties.
 * Every generator mixes values the app must accept (so that generated cases
 * reach the code behind validation, and succeed) with values it must refuse.
 */

// --------------------------------------------------------------- text ----

/** Values that have broken web apps before. */
export const NASTY_STRINGS = [
  "", " ", "   ", "\t\r\n", "\u0000", "a\u0000b", "\u0000lead", "\ud800", "x\udfffy", "\udbff\udfff", "\uFEFF", "\u202Eevil",
  "\u200B", "🦄", "👩‍👩‍👧‍👦", "Ω≈ç√", "İstanbul", "ß", "\u0085", "\u2028", "e\u0301",
  "null", "undefined", "true", "false", "0", "-1", "1e309", "-0", "NaN", "Infinity", "[]", "{}", "[object Object]",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__",
  "' OR '1'='1", "'; DROP TABLE customers; --", "\\", "\\\\", "%", "_", "%_\\", "$1", "$$", "${jndi:ldap://evil.example/a}",
  "{{7*7}}", "<script>alert(1)</script>", "javascript:alert(1)", "data:text/html,<b>x</b>",
  "../../etc/passwd", "..\\..\\windows", "%2e%2e%2f", "%00", "%zz", "%E0%A4%A", "//evil.example", "/\\evil.example",
  "https://evil.example/", "http://localhost:3000.evil.example", "/customers", "/customers?x=1#y", "/\u0000/x",
  "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "00000000-0000-0000-0000-00000000000g",
  "{00000000-0000-0000-0000-000000000000}", "00000000000000000000000000000000",
  "lead", "LEAD", " live ", "on_hold", "on hold", "archive", "archived", "deleted", "status_change",
  "updated_at", "created_at", "name", "-updated_at", "name desc",
  "2099-01-02T10:30", "1899-12-31T00:00", "2200-12-31T23:59", "2201-01-01T00:00", "0000-00-00", "2024-02-30T25:61",
  "275760-09-13T00:00:00Z", "-000001-01-01T00:00:00Z", "1970-01-01T00:00:00+99:99",
  "maya@example.com", "a@b", "@", "x@[127.0.0.1]", "\"quoted\"@example.com",
] as const;

/** Long strings around every limit the app has, and far beyond. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("a", "é", "🦄", "\u0000", " ", "%", ","), fc.constantFrom(101, 200, 201, 255, 1001, 2049, 5001, 70_000, 300_000))
  .map(([unit, length]) => unit.repeat(length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: hugeString },
);

/** Field names: the app's own, near misses and dangerous ones. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "__proto__", "constructor", "prototype", "toString", "valueOf", "", " ", "name ", "NAME", "Name", "info.team",
      "info[team]", "team[0].name", "team[0]", "a.b", "$where", "user_id", "userId", "id", "deleted_at", "deletedAt",
      "created_at", "updated_at", "\u0000", "💥", "intent", "status", "name", "info", "redirectTo",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

// --------------------------------------------------------------- JSON ----

/** A JSON value of the wrong kind for whatever field it lands in. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constantFrom(101, 2000, 20_000).map((length) => Array.from({ length }, (_, index) => ({ name: `Member ${index}` }))),
);

/** Mostly the right kind of value, sometimes the wrong one. */
export function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 14, arbitrary: valid }, { weight: 1, arbitrary: wrongType }, { weight: 2, arbitrary: hostileString });
}

export const statusValue = fc.constantFrom(...CUSTOMER_STATUSES);
export const customerName = fc.oneof(
  fc.constantFrom("Acme Corp", "  Trimmed Co  ", "Ünïcödé GmbH", "x".repeat(200), "50% _off_ \\ Ltd", "O'Brien & Sons"),
  fc.string({ minLength: 1, maxLength: 60 }),
);
const shortText = fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null));
const webUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom("https://acme.example", "http://localhost:3000/x", "javascript:alert(1)", "ftp://files.example", "https://", "//acme.example", null),
);

export function memberBody(memberIds: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(
        {
          id: field(fc.oneof(fc.constantFrom(...memberIds), fc.uuid())),
          name: field(fc.oneof(customerName, fc.constant(""))),
          role: field(shortText),
          email: field(fc.oneof(fc.emailAddress(), fc.constantFrom("not-an-email", "a@b"))),
          notes: field(fc.string({ maxLength: 100 })),
        },
        { requiredKeys: [] },
      ),
      fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

export function infoBody(memberIds: readonly string[]): fc.Arbitrary<unknown> {
  const known = fc.record(
    {
      about: field(fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null))),
      vertical: field(shortText),
      persona: field(shortText),
      icp: field(shortText),
      product: field(
        fc.oneof(
          fc.constant(null),
          fc.record({ name: field(shortText), stage: field(shortText), category: field(shortText), description: field(shortText), url: field(webUrl) }, { requiredKeys: [] }),
        ),
      ),
      team: field(fc.oneof(fc.constant(null), fc.array(memberBody(memberIds), { maxLength: 4 }))),
    },
    { requiredKeys: [] },
  );
  return field(
    fc
      .tuple(known, fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }))
      .map(([values, extra]) => ({ ...extra, ...values })),
  );
}

/** A body the API must accept (as long as the id is the actor's). */
export function validCustomerBody(memberIds: readonly string[], { nameRequired }: { nameRequired: boolean }): fc.Arbitrary<Record<string, unknown>> {
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 10 }));
  const member = fc.record(
    {
      id: fc.oneof(fc.constantFrom(...memberIds), fc.uuid()),
      name: customerName,
      role: fc.string({ maxLength: 30 }),
      email: fc.emailAddress().filter((email) => email.length <= 254),
      notes: text,
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ["name"] },
  );
  const info = fc.record(
    {
      about: fc.oneof(text, fc.constant(null)),
      vertical: fc.oneof(text, fc.constant(null)),
      persona: fc.oneof(text, fc.constant(null)),
      icp: fc.oneof(text, fc.constant(null)),
      product: fc.oneof(
        fc.constant(null),
        fc.record({ name: fc.oneof(text, fc.constant(null)), url: fc.oneof(fc.webUrl({ size: "small" }), fc.constant(null)), extra: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
      ),
      team: fc.oneof(fc.constant(null), fc.array(member, { maxLength: 3 })),
      custom_field: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  );
  return fc.record({ name: customerName, status: statusValue, info }, { requiredKeys: nameRequired ? ["name"] : [] });
}

/** What a customer create or update might carry: the known keys (right or wrong), plus strays. */
export function customerBody(memberIds: readonly string[], { nameRequired = false } = {}): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof({ weight: 2, arbitrary: validCustomerBody(memberIds, { nameRequired }) }, { weight: 3, arbitrary: mixedCustomerBody(memberIds) });
}

function mixedCustomerBody(memberIds: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record({ name: field(customerName), status: field(statusValue), info: infoBody(memberIds) }, { requiredKeys: [] }),
      fc.option(fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 2 }), { freq: 4 }),
    )
    .map(([known, extra]) => ({ ...(extra ?? {}), ...known }));
}

/** Deeply nested JSON as text (building it as an object would overflow the test's own stack). */
const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(10, 100, 150, 300, 1_000, 5_000, 20_000, 130_000), fc.constantFrom("root", "info", "team", "name", "objects"))
  .map(([depth, where]) => {
    const arrays = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    switch (where) {
      case "root":
        return arrays;
      case "info":
        return `{"name":"Deep","info":{"deep":${arrays}}}`;
      case "team":
        return `{"name":"Deep","info":{"team":[{"name":"M","x":${arrays}}]}}`;
      case "name":
        return `{"name":${arrays}}`;
      default:
        return `{"name":"Deep","info":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`;
    }
  });

/** Bodies that are not the JSON object the API wants, as text. */
export const rawJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "", " ", "{", "}", "[]", "null", "0", "true", '"name"', "{}", '{"name":}', "{'name':'x'}", '{"name":"x",}', '{"name":"x"}garbage',
    '\uFEFF{"name":"BOM"}', '{"name":"Dup","name":"Dup2"}', '{"name":"Dup","status":"lead","status":"nope"}',
    '{"__proto__":{"name":"Polluted","status":"live"}}', '{"name":"Proto","__proto__":{"isAdmin":true}}',
    '{"name":"Ctor","constructor":{"prototype":{"polluted":true}}}', '{"name":"Info","info":{"__proto__":{"team":[{"name":"x"}]}}}',
    '{"name":"Info","info":{"constructor":{"prototype":{"x":1}},"__proto__":null}}',
    '{"name":"\\u0000"}', '{"name":"a\\u0000b"}', '{"name":"ok","info":{"about":"\\u0000"}}', '{"name":"ok","info":{"x\\u0000":1}}',
    '{"name":"\\ud800"}', '{"name":"ok","info":{"about":"\\udfff"}}', '{"name":"ok","info":{"\\ud800":1}}',
    '{"name":"n","status":"lead","info":{"team":[{"id":"not-a-uuid","name":"x"}]}}',
    '{"name":1e999}', '{"name":"big","info":{"n":1e999}}', '{"name":"neg","info":{"n":-0}}',
    '{"status":"live"}', '{"status":null}', '{"name":null}', '{"info":null}', '{"info":[]}', '{"info":"text"}',
    "NaN", "Infinity", "undefined", "\u0000", '{"name":"x"}\u0000',
  ),
  fc.json({ maxDepth: 3 }),
  fc.json({ maxDepth: 2, stringUnit: "binary" }),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.json({ maxDepth: 3 }).chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
  deepJson,
  hugeString.map((text) => `{"name":"Huge","info":{"about":${JSON.stringify(text)}}}`),
);

/** Bytes that are not UTF-8, or are UTF-16, or are just noise. */
export const rawBytes: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.constantFrom(
    Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    Uint8Array.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // {"name":"<bad UTF-8>"}
    Uint8Array.from([0xed, 0xa0, 0x80]), // an encoded surrogate
    Uint8Array.from([0xc0, 0xaf]), // overlong "/"
    new Uint8Array(0),
    new Uint8Array(300 * 1024).fill(0x20),
  ),
  fc.uint8Array({ maxLength: 64 }),
);

export type Body =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array<ArrayBuffer> };

export function apiBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 14, arbitrary: valid.map((value): Body => ({ kind: "json", value })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): Body => ({ kind: "json", value })) },
    { weight: 3, arbitrary: rawJsonText.map((text): Body => ({ kind: "text", text })) },
    { weight: 1, arbitrary: rawBytes.map((bytes): Body => ({ kind: "bytes", bytes })) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: "none" }) },
  );
}

// ------------------------------------------------------------- headers ----

export const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json", "application/vnd.api+json"] as const;

/** undefined: no Content-Type header at all. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...JSON_TYPES) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined, "", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x",
      "multipart/form-data", "application/json; charset=utf-16", "application/jsonp", "json", "application/json ; boundary=x",
      "text/json", "application/octet-stream", "*/*", "application/json\u0000",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** undefined: no Origin (an API client or a script); the app's own; another site; garbage. */
export const origin: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(undefined, BASE_URL) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("https://evil.example", "http://localhost:3000.evil.example", "http://localhost:4000", "null", "http://LOCALHOST:3000", "http://localhost:3000/", "localhost:3000", "", "file://", "http://[::1]:3000"),
  },
  { weight: 1, arbitrary: fc.webUrl().map((url) => new URL(url).origin) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

export const referer: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(`${BASE_URL}/customers`, "https://evil.example/page", "about:blank", "not a url", "") },
);

/**
 * Whose session the request carries. "actor" is A's; every other choice is no
 * session at all, in some disguise. Never B's: B is the victim.
 */
export type SessionChoice = "actor" | "none" | "garbage" | "unsigned" | "actor-tampered" | "actor-twice" | "empty";
export const sessionChoice: fc.Arbitrary<SessionChoice> = fc.oneof(
  { weight: 14, arbitrary: fc.constant<SessionChoice>("actor") },
  { weight: 3, arbitrary: fc.constantFrom<SessionChoice>("none", "garbage", "unsigned", "actor-tampered", "actor-twice", "empty") },
);

export function cookieFor(choice: SessionChoice, world: World, noise: string): string | undefined {
  const actor = world.a.cookie;
  const value = actor.slice(actor.indexOf("=") + 1);
  switch (choice) {
    case "actor":
      return actor;
    case "none":
      return undefined;
    case "garbage":
      return `__session=${encodeURIComponent(noise)}`;
    case "unsigned":
      return `__session=${Buffer.from(JSON.stringify(noise)).toString("base64")}`;
    case "actor-tampered":
      return `__session=${value.slice(0, -2)}${value.endsWith("AA") ? "BB" : "AA"}`;
    case "actor-twice":
      return `__session=garbage; ${actor}; __session=${encodeURIComponent(noise)}`;
    case "empty":
      return "__session=";
  }
}

/** Lone surrogates become U+FFFD, as any encoder would do (encodeURIComponent throws on them). */
export function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Header values may only hold Latin-1 without CR, LF or NUL: anything else becomes percent-escapes. */
export function headerSafe(value: string): string {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) ? value : encodeURIComponent(wellFormed(value));
}

export interface HeaderChoices {
  session: SessionChoice;
  noise: string;
  origin: string | undefined;
  referer: string | undefined;
  extra: Array<[string, string]>;
}

const hostileHeaders: fc.Arbitrary<HeaderChoices> = fc.record({
  session: sessionChoice,
  noise: fc.string({ maxLength: 20 }),
  origin,
  referer,
  extra: fc.array(
    fc.tuple(
      fc.constantFrom("Accept", "X-Forwarded-Host", "X-Forwarded-Proto", "Host", "X-Requested-With", "Authorization", "X-HTTP-Method-Override", "Content-Length", "Accept-Language"),
      fc.oneof(fc.constantFrom("evil.example", "https", "DELETE", "Bearer x", "*/*", "application/json", "0", "999999999", "-1", "1e3"), fc.string({ maxLength: 20 })),
    ),
    { maxLength: 2 },
  ),
});

/** What a browser page of the app or an API client sends: A's session, the app's Origin or none. */
const friendlyHeaders: fc.Arbitrary<HeaderChoices> = fc.record({
  session: fc.constant<SessionChoice>("actor"),
  noise: fc.constant(""),
  origin: fc.constantFrom(undefined, BASE_URL),
  referer: fc.constant(undefined),
  extra: fc.constant([]),
});

export const headerChoices: fc.Arbitrary<HeaderChoices> = fc.oneof({ weight: 3, arbitrary: friendlyHeaders }, { weight: 2, arbitrary: hostileHeaders });

export function buildHeaders(world: World, choices: HeaderChoices, contentTypeValue: string | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of choices.extra) headers.set(name, headerSafe(value));
  const cookie = cookieFor(choices.session, world, choices.noise);
  if (cookie) headers.set("Cookie", headerSafe(cookie));
  if (choices.origin !== undefined) headers.set("Origin", headerSafe(choices.origin));
  if (choices.referer !== undefined) headers.set("Referer", headerSafe(choices.referer));
  if (contentTypeValue !== undefined) headers.set("Content-Type", headerSafe(contentTypeValue));
  return headers;
}

export function describeHeaders(headers: Headers): string {
  return JSON.stringify(Object.fromEntries([...headers.entries()].map(([name, value]) => [name, value.length > 80 ? `${value.slice(0, 80)}…` : value])));
}

// ------------------------------------------------------------------ ids ----

/** Ids as the route's `$id` param: A's, B's (the point), random, and not ids at all. */
export function customerId(world: World): fc.Arbitrary<string> {
  const a = [...world.aCustomers.live, ...world.aCustomers.archived, ...world.aCustomers.expired];
  const b = [...world.bCustomers.live, ...world.bCustomers.archived, ...world.bCustomers.expired];
  const [aFirst] = a;
  const [bFirst] = b;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...world.aCustomers.live) },
    { weight: 2, arbitrary: fc.constantFrom(...world.aCustomers.archived, ...world.aCustomers.expired) },
    { weight: 6, arbitrary: fc.constantFrom(...b) },
    { weight: 1, arbitrary: fc.constantFrom(...a, ...b).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "", ".", "..", "../..", "..%2F..", "%2e%2e", `${aFirst}/../${bFirst}`, `../${bFirst}`, `${bFirst}/`, ` ${bFirst}`, `${bFirst}\u0000`,
        `{${bFirst}}`, bFirst!.replace(/-/g, ""), `${bFirst}' OR '1'='1`, `${aFirst},${bFirst}`, "new", "archived", "overview", "null",
      ),
    },
    { weight: 2, arbitrary: hostileString },
  );
}

export function memberId(world: World): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.aCustomers.members) },
    { weight: 3, arbitrary: fc.constantFrom(...world.bCustomers.members) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileString },
  );
}

// --------------------------------------------------------- list params ----

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

/** Cursors: well-formed for some sort, near misses, and noise. */
export const cursorValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom<string>(...SORTS, "bogus"),
      fc.constantFrom("a", "b", "c"),
      fc.array(
        fc.oneof(
          fc.constantFrom("2026-01-01T00:00:00Z", "2026-01-01 00:00:00.123456+00", "-infinity", "infinity", "2026-02-31T00:00:00Z", "0001-01-01T00:00:00+15:59", "9999-12-31T23:59:59-15", "2026-01-01T00:00:00+99"),
          fc.uuid(),
          fc.integer({ min: -5, max: 200 }),
          fc.double(),
          hostileString,
          fc.constant(null),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([sort, direction, key]) => base64url(JSON.stringify([sort, direction, ...key]))),
  fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value))),
  hostileString,
  fc.constantFrom("", "=", "!!!", "AAAA", "e30", "W10", base64url("[\"name\",\"a\",\"\\u0000\",\"00000000-0000-0000-0000-000000000000\"]")),
);

/** A cursor the app could have made: right shape for its sort, any values of the right types. */
export function validCursor(sort: CustomerSort): fc.Arbitrary<string> {
  const timestamp = fc.oneof(
    fc
      .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })
      .map((date) => date.toISOString().replace("T", " ").replace("Z", "+00")),
    fc.constantFrom("-infinity", "2026-01-01 00:00:00.123456+00", "2026-01-01T00:00:00+15:59", "2026-06-30T12:00:00.5-11:30", "2026-01-01T00:00:00Z"),
  );
  const name = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 10 }), fc.constantFrom("", "%", "_", "\\", "'", "x".repeat(1000)));
  const key: fc.Arbitrary<Array<string | number>> =
    sort === "status" ? fc.tuple(fc.integer({ min: 0, max: 99 }), name, fc.uuid()) : sort === "name" ? fc.tuple(name, fc.uuid()) : fc.tuple(timestamp, fc.uuid());
  return fc.tuple(fc.constantFrom("after", "before"), key).map(([direction, values]) => encodeCursor({ sort, direction: direction as "after" | "before", key: values }));
}

/** Every param valid (a cursor of the sort asked for), each one present or not. */
const validListQuery: fc.Arbitrary<Array<[string, string]>> = fc
  .constantFrom(...SORTS)
  .chain((sort) =>
    fc.record(
      {
        status: statusValue,
        q: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("a", "%", "_", "\\", "corp", "ACME", "é")),
        sort: fc.constant(sort),
        limit: fc.integer({ min: 1, max: 100 }).map(String),
        cursor: validCursor(sort),
      },
      { requiredKeys: ["sort"] },
    ),
  )
  .map((params) => Object.entries(params));

/** Known params with any value, repeated, unknown. */
const mixedListQuery: fc.Arbitrary<Array<[string, string]>> = fc
  .tuple(
    fc.record(
      {
        status: field(statusValue),
        q: field(fc.string({ maxLength: 30 })),
        sort: field(fc.constantFrom(...SORTS)),
        limit: field(fc.oneof(fc.integer({ min: -2, max: 150 }).map(String), fc.constantFrom("1", "100", "101", "0", "1.5", "1e2", "0x10", " 5", "99999999999999999999"))),
        cursor: cursorValue,
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<Array<[string, string]>>([]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom("status", "q", "sort", "limit", "cursor"), hostileKey), hostileString), { minLength: 1, maxLength: 3 }) },
    ),
  )
  .map(([known, extra]) => [
    ...Object.entries(known).map(([name, value]): [string, string] => [name, typeof value === "string" ? value : (JSON.stringify(value) ?? "")]),
    ...extra,
  ]);

/** Query strings for the list (page and API). */
export const listQuery: fc.Arbitrary<Array<[string, string]>> = fc.oneof(validListQuery, mixedListQuery);

export function queryString(pairs: Array<[string, string]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of pairs) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
