import { request as httpRequest } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { insertCustomer } from "../../prisma/factories";
import { ownerPrisma } from "../setup/owner";
import { serverWithCustomer, type AppServer } from "../support/app-server";

// The HTTP server compresses what is worth it: bodies over 2 KB, at gzip
// level 3 (server/app.mjs; the numbers are in docs/decisions/0021).

interface Raw {
  encoding: string | undefined;
  body: Buffer;
}

/** The body as sent on the wire (fetch would inflate it). */
function getRaw(server: AppServer, target: string, cookie: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port: server.port, path: target, headers: { Cookie: cookie, "Accept-Encoding": "gzip" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

let server: AppServer;
let cookie: string;
beforeAll(async () => {
  let userId: string;
  ({ server, cookie, userId } = await serverWithCustomer("Compression Co"));
  for (const name of ["Second Co", "Third Co"]) await insertCustomer(ownerPrisma(), userId, { name });
});
afterAll(() => server.close());

it("gzips a page at level 3", async () => {
  const page = await getRaw(server, "/customers", cookie);
  expect(page.encoding).toBe("gzip");
  const html = gunzipSync(page.body);
  expect(html.toString("utf8")).toContain("Compression Co");
  // What level 3 makes of these bytes, and not what the default (6) makes.
  expect(page.body.length).toBe(gzipSync(html, { level: 3 }).length);
  expect(gzipSync(html, { level: 6 }).length).not.toBe(page.body.length);
});

it("sends a body between 1 KB and 2 KB as it is", async () => {
  const api = await getRaw(server, "/api/customers?limit=2", cookie);
  // Over compression's default threshold (1 KB), under ours.
  expect(api.body.length).toBeGreaterThan(1024);
  expect(api.body.length).toBeLessThanOrEqual(2048);
  expect(api.encoding).toBeUndefined();
  expect(JSON.parse(api.body.toString("utf8")).customers).toHaveLength(2);
});
