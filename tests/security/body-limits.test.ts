import { request as httpRequest } from "node:http";
import { createEdge, type IncomingRequest } from "~/http/edge.server";
import { MAX_BODY_BYTES } from "~/http/json-body.server";
import { MAX_FORM_BYTES, readFormData } from "~/utils/form.server";
import { signUp } from "../auth-helpers";
import { postForm } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";
import { type AppServer, serverWithCustomer, sourceBuild } from "../support/app-server";
import { captureServerLogs, STACK_TRACE } from "../support/server-logs";

// A page form over 1 MB is answered 413 — a page saying so — without the
// server reading the rest, before login too, on every path a form can be
// posted to; file parts are refused (the app takes no uploads). The API keeps
// its own 256 KB limit for JSON.

const CHUNK = 64 * 1024;

/**
 * A body that never ends: a chunk of form text each time it is read, after a
 * short pause, for as long as anyone reads. `pulls` counts the chunks taken.
 */
function tricklingBody(pauseMs = 5) {
  const counter = { pulls: 0 };
  const encoder = new TextEncoder();
  const first = encoder.encode("intent=create&name=Trickle&pad=".padEnd(CHUNK, "a"));
  const more = encoder.encode("a".repeat(CHUNK));
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        counter.pulls += 1;
        controller.enqueue(counter.pulls === 1 ? first : more);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function incoming(path: string, init: { method?: string; headers?: Record<string, string>; body: ReadableStream<Uint8Array> | null }): IncomingRequest {
  return {
    method: init.method ?? "POST",
    protocol: "http",
    host: "localhost:3000",
    target: path,
    headers: new Headers({ Origin: "http://localhost:3000", "Content-Type": "application/x-www-form-urlencoded", ...init.headers }),
    body: init.body,
    signal: new AbortController().signal,
  };
}

const neverCalled = () => {
  throw new Error("the request reached Remix");
};

describe("at the edge (app/http/edge.server.ts)", () => {
  let handleAtEdge: ReturnType<typeof createEdge>;
  beforeAll(async () => {
    handleAtEdge = createEdge((await sourceBuild()).routes);
  });

  it("refuses a declared Content-Length over 1 MB without reading a byte", async () => {
    const { stream, counter } = tricklingBody();
    const response = await handleAtEdge(incoming("/customers", { headers: { "Content-Length": String(MAX_FORM_BYTES + 1) }, body: stream }), neverCalled);
    expect(response.status).toBe(413);
    expect(counter.pulls).toBe(0);
  });

  it("answers 413 as soon as a body that never ends passes 1 MB, having read no more than that", async () => {
    const { stream, counter } = tricklingBody();
    const response = await handleAtEdge(incoming("/login", { body: stream }), neverCalled);
    expect(response.status).toBe(413);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/too large/i);
    expect(counter.pulls).toBeLessThanOrEqual(MAX_FORM_BYTES / CHUNK + 1);
  });

  it("hands a form of up to 1 MB to Remix, whole", async () => {
    const body = `intent=create&name=Fits&pad=${"a".repeat(MAX_FORM_BYTES - 40)}`;
    let seen = -1;
    const response = await handleAtEdge(incoming("/customers", { body: new Response(body).body }), async (request) => {
      seen = (await request.arrayBuffer()).byteLength;
      return new Response(null, { status: 204 });
    });
    expect(response.status).toBe(204);
    expect(seen).toBe(body.length);
  });
});

describe("readFormData", () => {
  it("refuses a form over 1 MB with 413", async () => {
    const request = postForm("/customers", { intent: "create", name: "Big", pad: "a".repeat(MAX_FORM_BYTES) });
    const thrown = await readFormData(request).catch((error: unknown) => error);
    expect(thrown instanceof Response ? thrown.status : "read in full").toBe(413);
  });

  it("refuses a file part", async () => {
    const data = new FormData();
    data.append("intent", "create");
    data.append("name", new Blob(["hello"]), "upload.txt");
    const thrown = await readFormData(new Request("http://localhost:3000/customers", { method: "POST", body: data })).catch((error: unknown) => error);
    expect(thrown instanceof Response ? thrown.status : "accepted").toBe(415);
  });
});

describe("through the server", () => {
  let server: AppServer;
  let cookie: string;
  let userId: string;
  let customerId: string;
  const logs = captureServerLogs();

  beforeAll(async () => {
    ({ server, cookie, userId, customerId } = await serverWithCustomer("Limits Co"));
  });
  afterAll(async () => {
    await server.close();
    logs.restore();
  });
  beforeEach(() => logs.clear());
  afterEach(() => expect(logs.text()).not.toMatch(STACK_TRACE));

  const customers = () => prisma().customer.count({ where: { userId } });

  /**
   * POSTs a body that trickles in for ever, through node:http; resolves with
   * the answer as soon as it arrives (and how long that took), then stops sending.
   */
  function postTrickle(path: string, headers: Record<string, string> = {}) {
    const { stream, counter } = tricklingBody();
    const started = Date.now();
    return new Promise<{ status: number; body: string; ms: number; pulls: number; contentType: string }>((resolve, reject) => {
      const request = httpRequest(
        { host: "127.0.0.1", port: server.port, method: "POST", path, headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            done = true;
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: Date.now() - started, pulls: counter.pulls, contentType: String(response.headers["content-type"]) });
            request.destroy();
          });
        },
      );
      let done = false;
      request.on("error", (error) => {
        if (!done) reject(error);
      });
      const reader = stream.getReader();
      const pump = async () => {
        while (!done) {
          const { value } = await reader.read();
          if (done || request.destroyed) break;
          if (!request.write(value)) await new Promise((resolve) => request.once("drain", resolve));
        }
        await reader.cancel();
      };
      void pump();
    });
  }

  const FORM_PATHS = () => [
    "/login",
    "/signup",
    "/logout",
    "/account",
    "/customers",
    "/customers?index",
    "/customers/new",
    `/customers/${customerId}`,
    `/customers/${customerId}/overview`,
  ];

  it("answers 413 promptly to a form that trickles in for ever, on every path that takes a form", async () => {
    const before = await customers();
    for (const path of FORM_PATHS()) {
      const result = await postTrickle(path);
      expect(result.status, path).toBe(413);
      expect(result.contentType, path).toMatch(/^text\/html/);
      expect(result.body, path).toMatch(/too large/i);
      expect(result.ms, path).toBeLessThan(10_000);
    }
    expect(await customers()).toBe(before);
  });

  it("answers 413 before login too, without a session", async () => {
    for (const path of ["/login", "/signup"]) {
      const result = await postTrickle(path, { Cookie: "" });
      expect(result.status, path).toBe(413);
    }
  });

  it("refuses a 30 MB urlencoded post to /customers with 413 and creates nothing", async () => {
    const before = await customers();
    const response = await fetch(`${server.url}/customers`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: `intent=create&name=Huge&pad=${"a".repeat(30 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large/i);
    expect(await customers()).toBe(before);
  });

  it("refuses a multipart post over 1 MB, and one with a file part", async () => {
    const before = await customers();
    const big = new FormData();
    big.append("intent", "create");
    big.append("name", "Huge multipart");
    big.append("pad", "a".repeat(2 * MAX_FORM_BYTES));
    const tooBig = await fetch(`${server.url}/customers`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: cookie }, body: big });
    expect(tooBig.status).toBe(413);

    const withFile = new FormData();
    withFile.append("intent", "create");
    withFile.append("name", "With a file");
    withFile.append("attachment", new Blob(["not wanted"]), "upload.txt");
    const refused = await fetch(`${server.url}/customers`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: cookie }, body: withFile });
    expect(refused.status).toBe(415);
    expect(await customers()).toBe(before);
  });

  it("still takes an ordinary form, urlencoded or multipart", async () => {
    const form = new FormData();
    form.append("intent", "create");
    form.append("name", "Multipart Co");
    const multipart = await fetch(`${server.url}/customers`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: cookie }, body: form });
    expect(multipart.status).toBe(302);
    const { email, password } = await signUp();
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password }),
    });
    expect(login.status).toBe(302);
  });

  it("keeps the API's own JSON limit: 256 KB, answered as JSON", async () => {
    const over = await fetch(`${server.url}/api/customers`, {
      method: "POST",
      headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Big", info: { blob: "a".repeat(MAX_BODY_BYTES) } }),
    });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: string }).error).toBe("payload_too_large");
    const under = await fetch(`${server.url}/api/customers`, {
      method: "POST",
      headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Fine", info: { note: "a".repeat(1000) } }),
    });
    expect(under.status).toBe(201);
  });
});
