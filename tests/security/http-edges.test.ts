import { request as httpRequest } from "node:http";
import { insertCustomer } from "../../prisma/factories";
import { ownerPrisma as prisma } from "../setup/owner";
import { type AppServer, type RawResponse, sendRaw, serverWithCustomer } from "../support/app-server";
import { captureServerLogs, STACK_TRACE } from "../support/server-logs";

// What a client can send at the HTTP level — any method, any bytes in the
// path — gets the right status in the right format: JSON `{ "error": … }`
// under /api, a page otherwise, 405 with an Allow header (CONTRACT.md). And
// nothing a client sends makes the server log a stack trace.

let server: AppServer;
let cookie: string;
let userId: string;
let customerId: string;
const logs = captureServerLogs();

beforeAll(async () => {
  ({ server, cookie, userId, customerId } = await serverWithCustomer("Edges Co"));
});
afterAll(async () => {
  await server.close();
  logs.restore();
});

const customers = () => prisma().customer.count({ where: { userId } });

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return sendRaw(server, { method, path, headers: { Cookie: cookie, Origin: server.url, ...headers }, body });
}

function expectJsonError(response: RawResponse, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(response.body)).toEqual({ error });
}

function expectPage(response: RawResponse, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^text\/html/);
  expect(response.body).toMatch(/^<!doctype html>/i);
}

describe("methods", () => {
  it("TRACE answers 405 with Allow: a page for a page, JSON under /api", async () => {
    const page = await send("TRACE", "/customers");
    expectPage(page, 405);
    expect(page.headers.allow).toBe("GET, POST");
    const api = await send("TRACE", "/api/customers");
    expectJsonError(api, 405, "method_not_allowed");
    expect(api.headers.allow).toBe("GET, POST");
  });

  it("OPTIONS /api/customers answers 405 JSON with Allow, not the list", async () => {
    await insertCustomer(prisma(), userId, { name: "Not To Be Listed", status: "lead" });
    const response = await send("OPTIONS", "/api/customers");
    expectJsonError(response, 405, "method_not_allowed");
    expect(response.headers.allow).toBe("GET, POST");
    expect(response.body).not.toContain("Not To Be Listed");
  });

  it("OPTIONS on a page answers 405 with Allow", async () => {
    const response = await send("OPTIONS", "/customers");
    expectPage(response, 405);
    expect(response.headers.allow).toBe("GET, POST");
  });

  it.each(["PUT", "PATCH", "DELETE"])("a form-encoded %s to /customers is refused with 405 and creates nothing", async (method) => {
    const before = await customers();
    const response = await send(method, "/customers", { "Content-Type": "application/x-www-form-urlencoded" }, "intent=create&name=Sneaky");
    expectPage(response, 405);
    expect(response.headers.allow).toBe("GET, POST");
    expect(await customers()).toBe(before);
  });

  it("a DELETE to a customer page cannot archive it", async () => {
    const response = await send("DELETE", `/customers/${customerId}`, { "Content-Type": "application/x-www-form-urlencoded" }, "intent=delete");
    expectPage(response, 405);
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: customerId } })).deletedAt).toBeNull();
  });

  it("a POST to a page without an action answers 405 with Allow: GET", async () => {
    const response = await send("POST", "/customers/archived", { "Content-Type": "application/x-www-form-urlencoded" }, "x=1");
    expectPage(response, 405);
    expect(response.headers.allow).toBe("GET");
  });

  it("a method the app does not know answers 405", async () => {
    expectJsonError(await send("PROPFIND", "/api/customers"), 405, "method_not_allowed");
    expectPage(await send("PROPFIND", "/customers"), 405);
  });

  it("each API route names its own methods in Allow", async () => {
    const single = await send("OPTIONS", `/api/customers/${customerId}`);
    expect(single.headers.allow).toBe("GET, PUT, DELETE");
    const status = await send("TRACE", `/api/customers/${customerId}/status`);
    expectJsonError(status, 405, "method_not_allowed");
    expect(status.headers.allow).toBe("PATCH");
  });

  it("still serves what is allowed: GET, HEAD, and the API's own methods", async () => {
    expect((await send("GET", "/customers")).status).toBe(200);
    const head = await send("HEAD", "/customers");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const created = await send("POST", "/api/customers", { "Content-Type": "application/json" }, JSON.stringify({ name: "Via API" }));
    expect(created.status).toBe(201);
    const id = (JSON.parse(created.body) as { customer: { id: string } }).customer.id;
    const renamed = await send("PUT", `/api/customers/${id}`, { "Content-Type": "application/json" }, JSON.stringify({ name: "Renamed" }));
    expect(renamed.status).toBe(200);
  });
});

describe("bad percent-encoding in the path", () => {
  it("is a JSON 400 under /api", async () => {
    expectJsonError(await send("GET", "/api/customers/%ZZ"), 400, "bad_request");
    expectJsonError(await send("PUT", "/api/customers/%E0%A4%A", { "Content-Type": "application/json" }, "{}"), 400, "bad_request");
  });

  it("is the app's 400 page elsewhere", async () => {
    const response = await send("GET", "/customers/%ZZ");
    expectPage(response, 400);
    expect(response.body).not.toContain("<pre>");
    expectPage(await send("GET", "/%ZZ.js"), 400);
  });
});

describe("the server's log", () => {
  it("shows no stack trace for anything a client sends", async () => {
    logs.clear();
    const requests: Array<[string, string, Record<string, string>?, string?]> = [
      ["TRACE", "/customers"],
      ["TRACE", "/api/customers"],
      ["OPTIONS", "/api/customers"],
      ["PUT", "/customers", { "Content-Type": "application/x-www-form-urlencoded" }, "intent=create&name=X"],
      ["POST", "/customers/archived", { "Content-Type": "application/x-www-form-urlencoded" }, "x=1"],
      ["POST", "/customers/archived?_data=routes%2Fcustomers.archived", { "Content-Type": "application/x-www-form-urlencoded" }, "x=1"],
      ["GET", "/customers?_data=routes%2Fno-such-route"],
      ["GET", "/customers?_data=routes%2Fcustomers.archived"],
      ["GET", "/api/customers/%ZZ"],
      ["GET", "/customers/%ZZ"],
      ["GET", "/%ZZ.css"],
      ["GET", "/build/%ZZ.js"],
      ["POST", "/customers", { Origin: "https://evil.example", "Content-Type": "text/plain" }, "intent=create&name=X"],
      ["POST", "/customers", { Origin: "null", "Content-Type": "application/x-www-form-urlencoded" }, "intent=create&name=X"],
      ["POST", "/customers", { Origin: "https://[", "Content-Type": "application/x-www-form-urlencoded" }, "intent=create&name=X"],
      ["GET", "/customers", { Host: "bad host" }],
      ["GET", "/customers", { Host: "example.com/path" }],
      ["POST", "/api/customers", { "Content-Type": "application/json" }, "{not json"],
      ["GET", `/customers/${customerId}/nope`],
      ["GET", "/api/customers/not-a-uuid"],
    ];
    for (const [method, path, headers, body] of requests) {
      const response = await send(method, path, headers, body);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
    }
    expect(logs.text()).not.toMatch(STACK_TRACE);
    expect(logs.text()).toBe("");
  });

  it("shows nothing when a client gives up half-way through sending a form or reading a page", async () => {
    logs.clear();
    for (const path of ["/customers", "/login"]) {
      await new Promise<void>((resolve) => {
        const request = httpRequest({
          host: "127.0.0.1",
          port: server.port,
          method: "POST",
          path,
          headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "100000" },
        });
        request.on("error", () => resolve());
        request.write("intent=create&name=Half");
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 100);
      });
    }
    await new Promise<void>((resolve) => {
      const request = httpRequest({ host: "127.0.0.1", port: server.port, path: "/customers", headers: { Cookie: cookie } }, (response) => {
        response.destroy();
        resolve();
      });
      request.on("error", () => resolve());
      request.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(logs.text()).not.toMatch(STACK_TRACE);
    expect(logs.text()).toBe("");
  });
});
