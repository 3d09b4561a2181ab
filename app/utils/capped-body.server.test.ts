import { describe, expect, it } from "vitest";
import { readCappedBody } from "./capped-body.server";

const encoder = new TextEncoder();

/** A stream that hands out `chunks` and then ends. */
function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

/** Fails instead of hanging the suite when a read never settles. */
function settlesWithin<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms))]);
}

describe("readCappedBody", () => {
  it("returns every byte of a body within the limit", async () => {
    const bytes = await readCappedBody(streamOf("ab", "cd", "é"), 10);
    expect(new TextDecoder().decode(bytes!)).toBe("abcdé");
  });

  it("returns an empty body for no body", async () => {
    expect(await readCappedBody(null, 10)).toEqual(new Uint8Array());
  });

  it("answers null once the bytes pass the limit, whatever Content-Length says", async () => {
    expect(await readCappedBody(streamOf("12345", "67890", "x"), 10, "3")).toBeNull();
    expect(await readCappedBody(streamOf("1234567890"), 10)).not.toBeNull();
  });

  it("answers null for a declared length over the limit without reading", async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled = true;
        controller.enqueue(encoder.encode("x"));
      },
    }, { highWaterMark: 0 });
    expect(await readCappedBody(body, 10, "999999999")).toBeNull();
    expect(pulled).toBe(false);
  });

  // A page action reads `request.clone()`, whose body is one branch of a tee:
  // cancelling it settles only when the other branch is cancelled as well.
  it("does not hang on a cloned request's body with a declared length over the limit", async () => {
    const request = new Request("http://localhost/login", { method: "POST", body: "a=1", headers: { "Content-Length": "999999999" } });
    expect(await settlesWithin(readCappedBody(request.clone().body, 10, request.headers.get("Content-Length")))).toBeNull();
  });

  it("does not hang on a cloned request's body that passes the limit while read", async () => {
    const request = new Request("http://localhost/login", { method: "POST", body: "a=".padEnd(100, "x") });
    expect(await settlesWithin(readCappedBody(request.clone().body, 10))).toBeNull();
  });
});
