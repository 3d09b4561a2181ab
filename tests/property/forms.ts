import fc from "fast-check";
import { createSession } from "~/auth/session.server";
import { BASE_URL, call } from "../http";
import { buildHeaders, cookieFor, headerChoices, headerSafe, hostileKey, hostileString, rawBytes, wellFormed, type HeaderChoices, type SessionChoice } from "./arbitraries";
import { truncate } from "./config";
import { isLoginRedirect, type PropertySuite, type World } from "./harness";

/**
 * Generated form posts for the page actions (the forms of the app, which work
 * without JavaScript): known fields with hostile values, unknown and repeated
 * fields, the intent missing, repeated or last, any body encoding — sent
 * through the checker of harness.ts.
 */

export type Handler = NonNullable<Parameters<typeof call>[0]>;

/** How the form travels. Browsers only send the first two; anything can arrive. */
const BROWSER_ENCODINGS = ["urlencoded", "multipart"] as const;
const OTHER_ENCODINGS = ["multipart-file", "urlencoded-bytes", "json-type", "text-plain", "no-type", "bad-multipart"] as const;
export type Encoding = (typeof BROWSER_ENCODINGS)[number] | (typeof OTHER_ENCODINGS)[number];

/** "fresh": a new session of C (the login target), made just before the request. */
export type FormSession = SessionChoice | "fresh";

export interface FormCase {
  revive: boolean;
  method: string;
  fields: Array<[string, string]>;
  encoding: Encoding;
  /** Which field becomes a file (multipart-file), and the noise bytes (urlencoded-bytes). */
  fileIndex: number;
  bytes: Uint8Array<ArrayBuffer>;
  headers: HeaderChoices;
  session?: FormSession;
}

/** Mostly a value the field accepts, sometimes anything at all. */
export function validish(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostileString });
}

/** Text for a field of at most `max` characters: short, grapheme clusters, empty, at the limit and one past it. */
export function formText(max: number): fc.Arbitrary<string> {
  return validish(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
      { weight: 1, arbitrary: fc.constantFrom("", "x".repeat(max), "x".repeat(max + 1)) },
    ),
  );
}

/**
 * A form: the intent (sometimes missing, repeated or last), the intent's own
 * fields (each present or not, mostly valid), now and then a repeated known
 * field or a field nobody asked for.
 */
export function form(
  intent: fc.Arbitrary<string | null>,
  known: Record<string, fc.Arbitrary<string>>,
  required: string[] = [],
): fc.Arbitrary<Array<[string, string]>> {
  const names = Object.keys(known);
  // A required field is there nine times out of ten.
  const dropped = required.length > 0 ? fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...required) }) : fc.constant(null);
  const values = fc.tuple(fc.record(known, { requiredKeys: required }), dropped).map(([record, drop]) => {
    const kept: Record<string, string> = { ...record };
    if (drop !== null) delete kept[drop];
    return kept;
  });
  const rare = <T>(arbitrary: fc.Arbitrary<T[]>) => fc.oneof({ weight: 6, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary });
  return fc
    .record({
      intent,
      intentAgain: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(hostileString, intent.map((value) => value ?? "")) }),
      intentLast: fc.nat({ max: 5 }).map((n) => n === 0),
      values,
      repeated: names.length > 0 ? rare(fc.array(fc.tuple(fc.constantFrom(...names), hostileString), { minLength: 1, maxLength: 2 })) : fc.constant([]),
      strays: rare(fc.array(fc.tuple(hostileKey, hostileString), { minLength: 1, maxLength: 3 })),
    })
    .map(({ intent: value, intentAgain, intentLast, values, repeated, strays }) => {
      const fields: Array<[string, string]> = Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string");
      fields.push(...repeated, ...strays);
      const intents: Array<[string, string]> = [];
      if (value !== null) intents.push(["intent", value]);
      if (intentAgain !== null) intents.push(["intent", intentAgain]);
      return intentLast ? [...fields, ...intents] : [...intents, ...fields];
    });
}

export function intentOf(valid: string[], weight = 8): fc.Arbitrary<string | null> {
  return fc.oneof(
    { weight, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom<string | null>(null, "", "CREATE", "delete ", "restore", "status", "update-info", "explode", "__proto__") },
    { weight: 1, arbitrary: hostileString },
  );
}

const ENCODINGS = {
  browser: fc.constantFrom<Encoding>(...BROWSER_ENCODINGS),
  mostlyBrowser: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Encoding>(...BROWSER_ENCODINGS) }, { weight: 1, arbitrary: fc.constantFrom<Encoding>(...OTHER_ENCODINGS) }),
  any: fc.constantFrom<Encoding>(...BROWSER_ENCODINGS, ...OTHER_ENCODINGS),
};

export function formCase(fields: fc.Arbitrary<Array<[string, string]>>, { encodings = "browser" as keyof typeof ENCODINGS, headers = headerChoices } = {}): fc.Arbitrary<FormCase> {
  return fc.record({
    revive: fc.nat({ max: 9 }).map((n) => n === 0),
    method: fc.oneof({ weight: 12, arbitrary: fc.constant("POST") }, { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE") }),
    fields,
    encoding: ENCODINGS[encodings],
    fileIndex: fc.nat({ max: 10 }),
    bytes: rawBytes,
    headers,
  });
}

function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }
  return result;
}

function buildFormRequest(world: World, path: string, value: FormCase, cookie: string | undefined): Request {
  const encoded = new URLSearchParams(value.fields).toString();
  const contentTypes: Record<Encoding, string | undefined> = {
    urlencoded: "application/x-www-form-urlencoded",
    multipart: undefined, // set by the Request, with its boundary
    "multipart-file": undefined,
    "urlencoded-bytes": "application/x-www-form-urlencoded;charset=UTF-8",
    "json-type": "application/json",
    "text-plain": "text/plain",
    "no-type": undefined,
    "bad-multipart": "multipart/form-data; boundary=----not-this-one",
  };
  const headers = buildHeaders(world, value.headers, contentTypes[value.encoding]);
  headers.delete("Cookie");
  if (cookie) headers.set("Cookie", headerSafe(cookie));
  let body: BodyInit;
  switch (value.encoding) {
    case "multipart":
    case "multipart-file": {
      const data = new FormData();
      value.fields.forEach(([name, field], index) => {
        if (value.encoding === "multipart-file" && index === value.fileIndex % value.fields.length) data.append(name, new Blob([field]), "upload.txt");
        else data.append(name, field);
      });
      body = data;
      break;
    }
    case "urlencoded-bytes":
      body = concatBytes(new TextEncoder().encode(`${encoded}&`), value.bytes);
      break;
    case "no-type":
      body = new TextEncoder().encode(encoded);
      break;
    default:
      body = encoded;
  }
  return new Request(new URL(path, BASE_URL), { method: value.method, headers, body });
}

export interface PostOptions {
  params?: Record<string, string>;
  /** The route checks the session (requireUserId): a valid session must be honoured. */
  protectedRoute?: boolean;
  mayWriteWhenRefused?: (response: Response, text: string) => readonly string[];
  cleanUp?: (response: Response) => Promise<void>;
  /** When the case asks for a revival (`revive`): puts back, behind the app's back, more than A's customers and agreements. */
  revive?: () => Promise<void>;
  /** More of B's that the answer must not contain (see Exchange.secrets). */
  secrets?: readonly string[];
}

/**
 * Sends a generated form through the checker (harness.ts), with the session
 * the case names: A's, C's made just before ("fresh"), or none in disguise.
 */
export async function postForm(suite: PropertySuite, handler: Handler, path: string, value: FormCase, options: PostOptions = {}): Promise<Response> {
  const session = value.session ?? value.headers.session;
  let cookie = session === "fresh" ? undefined : cookieFor(session, suite.world, value.headers.noise);
  const fresh = value.session === "fresh";
  const revive = value.revive ? options.revive : undefined;
  return suite.checker.check({
    describe: `${value.method} ${path} (${value.encoding}) session=${session} origin=${value.headers.origin ?? "<none>"} fields=${truncate(JSON.stringify(value.fields), 600)}`,
    revive: value.revive,
    prepare:
      fresh || revive
        ? async () => {
            await revive?.();
            if (fresh) cookie = (await createSession(suite.world.c.id)).split(";")[0];
          }
        : undefined,
    send: () => {
      const request = buildFormRequest(suite.world, path, value, cookie);
      return call(handler, request, options.params ?? {});
    },
    signedIn: (options.protectedRoute ?? true) && (session === "actor" || session === "fresh"),
    cleanUp: options.cleanUp,
    isRefusal: (options.protectedRoute ?? true) ? isLoginRedirect : undefined,
    mayWriteWhenRefused: options.mayWriteWhenRefused,
    secrets: options.secrets,
  });
}

/** The id as Remix hands it over, and as it sits in the URL. */
export function idPath(id: string): { param: string; segment: string } {
  const param = wellFormed(id);
  return { param, segment: encodeURIComponent(param) };
}
