import { randomUUID } from "node:crypto";
import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import { artifactVia, projectsSnapshot, projectVia, type ArtifactBody, type ProjectBody } from "./project-helpers";

// Whatever makes a project or artifact unreachable — another owner, no such
// row, the other kind of id, a malformed id, an archived customer — every
// projects endpoint answers the same 404 and writes nothing; an archived
// customer's projects come back with it. Nothing answers without a session.

type Kind = "customer" | "project" | "artifact";

interface Endpoint {
  name: string;
  method: string;
  on: Kind;
  path: (id: string) => string;
  body?: unknown;
}

// Bodies are valid and each would succeed for the owner, so only the id can be the reason for a 404.
const ENDPOINTS: Endpoint[] = [
  { name: "GET /api/customers/:id/projects", method: "GET", on: "customer", path: (id) => `/api/customers/${id}/projects` },
  { name: "POST /api/customers/:id/projects", method: "POST", on: "customer", path: (id) => `/api/customers/${id}/projects`, body: { name: "Sneaky" } },
  { name: "GET /api/projects/:pid", method: "GET", on: "project", path: (id) => `/api/projects/${id}` },
  { name: "PATCH /api/projects/:pid", method: "PATCH", on: "project", path: (id) => `/api/projects/${id}`, body: { name: "Hijacked" } },
  { name: "DELETE /api/projects/:pid", method: "DELETE", on: "project", path: (id) => `/api/projects/${id}` },
  { name: "GET /api/projects/:pid/artifacts", method: "GET", on: "project", path: (id) => `/api/projects/${id}/artifacts` },
  { name: "POST /api/projects/:pid/artifacts", method: "POST", on: "project", path: (id) => `/api/projects/${id}/artifacts`, body: { title: "Sneaky" } },
  { name: "GET /api/artifacts/:aid", method: "GET", on: "artifact", path: (id) => `/api/artifacts/${id}` },
  { name: "PATCH /api/artifacts/:aid", method: "PATCH", on: "artifact", path: (id) => `/api/artifacts/${id}`, body: { content: "Hijacked" } },
  { name: "DELETE /api/artifacts/:aid", method: "DELETE", on: "artifact", path: (id) => `/api/artifacts/${id}` },
  { name: "POST /api/artifacts/:aid/status", method: "POST", on: "artifact", path: (id) => `/api/artifacts/${id}/status`, body: { status: "in_progress" } },
];

const NON_UUIDS = ["not-a-uuid", "' OR 1=1 --", `${randomUUID()}x`, "%00"];

interface Ids {
  customer: string;
  project: string;
  artifact: string;
}

async function arrange(user: TestUser, name: string): Promise<Ids> {
  const customer = await customerFor(user, { name, status: "live" });
  const project = await projectVia(user, customer.id, { name: `${name} project` });
  const artifact = await artifactVia(user, project.id, { title: `${name} artifact` });
  return { customer: customer.id, project: project.id, artifact: artifact.id };
}

let owner: TestUser;
let intruder: TestUser;
let owners: Ids;
let intruders: Ids;

beforeAll(async () => {
  owner = await signedInUser();
  intruder = await signedInUser();
  owners = await arrange(owner, "Owner's");
  intruders = await arrange(intruder, "Intruder's");
});

async function expectNotFoundAndNoWrite(endpoint: Endpoint, id: string, cookie: string) {
  const before = await projectsSnapshot();
  const response = await api(endpoint.method, endpoint.path(encodeURIComponent(id)), { cookie, body: endpoint.body });
  expect(response.status, `${endpoint.name} with ${id}`).toBe(404);
  expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "not_found" });
  expect(await projectsSnapshot()).toEqual(before);
}

describe.each(ENDPOINTS)("$name answers 404 and changes nothing", (endpoint) => {
  it("for another user's id, either way round", async () => {
    await expectNotFoundAndNoWrite(endpoint, owners[endpoint.on], intruder.cookie);
    await expectNotFoundAndNoWrite(endpoint, intruders[endpoint.on], owner.cookie);
  });

  it("for the other kinds of id, a random UUID and non-UUIDs", async () => {
    for (const kind of (["customer", "project", "artifact"] as const).filter((kind) => kind !== endpoint.on)) {
      await expectNotFoundAndNoWrite(endpoint, owners[kind], owner.cookie);
    }
    await expectNotFoundAndNoWrite(endpoint, randomUUID(), owner.cookie);
    for (const id of NON_UUIDS) await expectNotFoundAndNoWrite(endpoint, id, owner.cookie);
  });
});

describe("an archived customer's projects and artifacts", () => {
  it("answer 404 in every route until the customer is restored; then as before", async () => {
    const user = await signedInUser();
    const ids = await arrange(user, "Archived for a while");
    const project = await jsonOf<ProjectBody>(await api("GET", `/api/projects/${ids.project}`, { cookie: user.cookie }));
    const artifact = await jsonOf<ArtifactBody>(await api("GET", `/api/artifacts/${ids.artifact}`, { cookie: user.cookie }));

    expect((await api("DELETE", `/api/customers/${ids.customer}`, { cookie: user.cookie })).status).toBe(200);
    for (const endpoint of ENDPOINTS) await expectNotFoundAndNoWrite(endpoint, ids[endpoint.on], user.cookie);

    expect((await api("POST", `/api/customers/${ids.customer}/restore`, { cookie: user.cookie })).status).toBe(200);
    expect(await jsonOf<ProjectBody>(await api("GET", `/api/projects/${ids.project}`, { cookie: user.cookie }))).toEqual(project);
    expect(await jsonOf<ArtifactBody>(await api("GET", `/api/artifacts/${ids.artifact}`, { cookie: user.cookie }))).toEqual(artifact);
    expect((await api("POST", `/api/artifacts/${ids.artifact}/status`, { cookie: user.cookie, body: { status: "in_progress" } })).status).toBe(200);
  });
});

describe("unauthenticated requests → 401 {error: unauthorized}, nothing written", () => {
  it.each(ENDPOINTS)("$name", async (endpoint) => {
    const before = await projectsSnapshot();
    for (const cookie of [undefined, "__session=forged-token"]) {
      const response = await api(endpoint.method, endpoint.path(owners[endpoint.on]), { cookie, body: endpoint.body });
      expect(response.status).toBe(401);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "unauthorized" });
    }
    expect(await projectsSnapshot()).toEqual(before);
  });
});
