import { createVia } from "./agreement-helpers";
import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import {
  artifactVia,
  expectRefusedFields,
  moveVia,
  projectVia,
  type ArtifactBody,
  type ArtifactsBody,
  type ProjectBody,
  type ProjectsBody,
} from "./project-helpers";
import { ownerPrisma as prisma } from "../setup/owner";

// Creating, reading, changing and deleting projects and artifacts through the
// JSON API: the shapes of CONTRACT.md, every artifact status counted, and each
// kind of bad input refused as a 400 on its own field, writing nothing.

let user: TestUser;
let other: TestUser;
let customer: { id: string };

beforeAll(async () => {
  user = await signedInUser();
  other = await signedInUser();
  customer = await customerFor(user, { name: "Projects Co", status: "live" });
});

const ZERO_COUNTS = { draft: 0, in_progress: 0, review: 0, final: 0, archived: 0 };

const post = (path: string, body: unknown) => api("POST", path, { cookie: user.cookie, body });
const patch = (path: string, body: unknown) => api("PATCH", path, { cookie: user.cookie, body });

describe("projects", () => {
  it("are created with the contract's shape, defaults and every artifact status counted", async () => {
    const response = await post(`/api/customers/${customer.id}/projects`, { name: "  Website relaunch  ", description: "Phase 1" });
    expect(response.status).toBe(201);
    const { project } = await jsonOf<ProjectBody>(response);
    expect(Object.keys(project).sort()).toEqual(
      ["id", "customer_id", "name", "description", "status", "agreement_id", "artifact_counts", "created_at", "updated_at"].sort(),
    );
    expect(project).toMatchObject({
      customer_id: customer.id,
      name: "Website relaunch",
      description: "Phase 1",
      status: "planning",
      agreement_id: null,
      artifact_counts: ZERO_COUNTS,
    });
    expect(new Date(project.created_at!).toISOString()).toBe(project.created_at);
  });

  it("list with artifact_counts for every status, 0 when none", async () => {
    const owner = await signedInUser();
    const mine = await customerFor(owner, { name: "Counted" });
    const project = await projectVia(owner, mine.id, { name: "Counted", status: "active" });
    const empty = await projectVia(owner, mine.id, { name: "Empty", status: "on_hold" });
    const a = await artifactVia(owner, project.id, { title: "A" });
    await artifactVia(owner, project.id, { title: "B" });
    const c = await artifactVia(owner, project.id, { title: "C" });
    for (const status of ["in_progress", "review", "final"]) expect((await moveVia(owner, a.id, status)).status).toBe(200);
    expect((await moveVia(owner, c.id, "archived")).status).toBe(200);

    const response = await api("GET", `/api/customers/${mine.id}/projects`, { cookie: owner.cookie });
    expect(response.status).toBe(200);
    const { projects } = await jsonOf<ProjectsBody>(response);
    expect(projects.find((row) => row.id === project.id)?.artifact_counts).toEqual({ ...ZERO_COUNTS, draft: 1, final: 1, archived: 1 });
    expect(projects.find((row) => row.id === empty.id)?.artifact_counts).toEqual(ZERO_COUNTS);
    expect((await jsonOf<ProjectBody>(await api("GET", `/api/projects/${project.id}`, { cookie: owner.cookie }))).project.artifact_counts).toEqual({
      ...ZERO_COUNTS,
      draft: 1,
      final: 1,
      archived: 1,
    });
  });

  it("a customer without projects lists none", async () => {
    const empty = await customerFor(user, { name: "No projects" });
    const response = await api("GET", `/api/customers/${empty.id}/projects`, { cookie: user.cookie });
    expect(await jsonOf<ProjectsBody>(response)).toEqual({ projects: [] });
  });

  it("are changed by PATCH (only the fields sent) and link an agreement of the same customer", async () => {
    const project = await projectVia(user, customer.id, { name: "Patch me", description: "Keep" });
    const agreement = await createVia(user, customer.id);
    const response = await patch(`/api/projects/${project.id}`, { status: "active", agreement_id: agreement.id });
    expect(response.status).toBe(200);
    expect((await jsonOf<ProjectBody>(response)).project).toMatchObject({ name: "Patch me", description: "Keep", status: "active", agreement_id: agreement.id });
    const cleared = await jsonOf<ProjectBody>(await patch(`/api/projects/${project.id}`, { agreement_id: null, description: null }));
    expect(cleared.project).toMatchObject({ agreement_id: null, description: null, status: "active" });
  });

  it("refuse an empty or blank name, an unknown status, unknown keys and bad types, each on its field", async () => {
    const path = `/api/customers/${customer.id}/projects`;
    for (const name of ["", "   ", "\u200B\u200B"]) await expectRefusedFields(() => post(path, { name }), ["name"]);
    await expectRefusedFields(() => post(path, {}), ["name"]);
    await expectRefusedFields(() => post(path, { name: 7 }), ["name"]);
    await expectRefusedFields(() => post(path, { name: "x".repeat(201) }), ["name"]);
    const issues = await expectRefusedFields(() => post(path, { name: "Ok", status: "done" }), ["status"]);
    expect(issues.status![0]).toMatch(/planning, active, on_hold, completed, archived/);
    await expectRefusedFields(() => post(path, { name: "Ok", owner: "me" }), ["owner"]);
    await expectRefusedFields(() => post(path, { name: "Ok", description: "x".repeat(5001) }), ["description"]);
    const project = await projectVia(user, customer.id, { name: "Patched badly" });
    await expectRefusedFields(() => patch(`/api/projects/${project.id}`, { name: " " }), ["name"]);
    await expectRefusedFields(() => patch(`/api/projects/${project.id}`, { status: "finished" }), ["status"]);
    await expectRefusedFields(() => patch(`/api/projects/${project.id}`, { customer_id: customer.id }), ["customer_id"]);
  });

  it("refuse an agreement of another customer or user exactly as a random or malformed id, on agreement_id", async () => {
    const sibling = await customerFor(user, { name: "Sibling" });
    const siblings = await createVia(user, sibling.id);
    const strangers = await createVia(other, (await customerFor(other, { name: "Stranger" })).id);
    const path = `/api/customers/${customer.id}/projects`;
    const answers = [];
    for (const agreementId of [siblings.id, strangers.id, crypto.randomUUID(), "not-a-uuid", 42]) {
      answers.push(await expectRefusedFields(() => post(path, { name: "Linked", agreement_id: agreementId }), ["agreement_id"]));
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const project = await projectVia(user, customer.id, { name: "Link later" });
    await expectRefusedFields(() => patch(`/api/projects/${project.id}`, { agreement_id: strangers.id }), ["agreement_id"]);
    await expectRefusedFields(() => patch(`/api/projects/${project.id}`, { agreement_id: siblings.id }), ["agreement_id"]);
  });

  it("deleting one deletes its artifacts; the answer counts them", async () => {
    const project = await projectVia(user, customer.id, { name: "Doomed" });
    for (const title of ["One", "Two"]) await artifactVia(user, project.id, { title });
    const response = await api("DELETE", `/api/projects/${project.id}`, { cookie: user.cookie });
    expect(response.status).toBe(200);
    expect((await jsonOf<ProjectBody>(response)).project).toMatchObject({ id: project.id, artifact_counts: { ...ZERO_COUNTS, draft: 2 } });
    expect(await prisma().artifact.count({ where: { projectId: project.id } })).toBe(0);
    expect((await api("GET", `/api/projects/${project.id}`, { cookie: user.cookie })).status).toBe(404);
    expect((await api("GET", `/api/projects/${project.id}/artifacts`, { cookie: user.cookie })).status).toBe(404);
  });
});

describe("artifacts", () => {
  let project: { id: string };

  beforeAll(async () => {
    project = await projectVia(user, customer.id, { name: "Deliverables" });
  });

  it("are created as drafts with the contract's shape and listed under their project", async () => {
    const response = await post(`/api/projects/${project.id}/artifacts`, { title: "Brand guide", type: "design", content: "# Colours\n\n- Blue" });
    expect(response.status).toBe(201);
    const { artifact } = await jsonOf<ArtifactBody>(response);
    expect(Object.keys(artifact).sort()).toEqual(
      ["id", "project_id", "customer_id", "type", "title", "content", "status", "created_at", "updated_at"].sort(),
    );
    expect(artifact).toMatchObject({ project_id: project.id, customer_id: customer.id, type: "design", title: "Brand guide", content: "# Colours\n\n- Blue", status: "draft" });
    const list = await jsonOf<ArtifactsBody>(await api("GET", `/api/projects/${project.id}/artifacts`, { cookie: user.cookie }));
    expect(list.artifacts.map((row) => row.id)).toContain(artifact.id);
    const one = await jsonOf<ArtifactBody>(await api("GET", `/api/artifacts/${artifact.id}`, { cookie: user.cookie }));
    expect(one.artifact).toEqual(artifact);
  });

  it("keep Markdown as written: leading indentation kept, CRLF made LF, trailing blanks dropped", async () => {
    const artifact = await artifactVia(user, project.id, { title: "Code", type: "code", content: "    indented code\r\n\r\nline  \n\n" });
    expect(artifact.content).toBe("    indented code\n\nline");
  });

  it("accept exactly 204,800 characters of content and refuse one more (400), or a body over the limit (413)", async () => {
    const path = `/api/projects/${project.id}/artifacts`;
    const full = await artifactVia(user, project.id, { title: "Full", content: "x".repeat(204_800) });
    expect(full.content).toHaveLength(204_800);
    const issues = await expectRefusedFields(() => post(path, { title: "Too long", content: "x".repeat(204_801) }), ["content"]);
    expect(issues.content![0]).toMatch(/204800/);
    await expectRefusedFields(() => patch(`/api/artifacts/${full.id}`, { content: `${"x".repeat(204_800)}y` }), ["content"]);
    // Each "é" is two bytes of UTF-8: 150,000 of them are under the character limit but over the 256 KB body limit.
    const response = await post(path, { title: "Heavy", content: "é".repeat(150_000) });
    expect(response.status).toBe(413);
  });

  it("refuse an empty or blank title, an unknown type or status, a non-draft start and unknown keys", async () => {
    const path = `/api/projects/${project.id}/artifacts`;
    for (const title of ["", "  \t", "\u200B"]) await expectRefusedFields(() => post(path, { title }), ["title"]);
    await expectRefusedFields(() => post(path, { content: "no title" }), ["title"]);
    const types = await expectRefusedFields(() => post(path, { title: "Ok", type: "video" }), ["type"]);
    expect(types.type![0]).toMatch(/document, design, report, code, custom/);
    await expectRefusedFields(() => post(path, { title: "Ok", status: "published" }), ["status"]);
    await expectRefusedFields(() => post(path, { title: "Ok", status: "final" }), ["status"]);
    await expectRefusedFields(() => post(path, { title: "Ok", project_id: project.id }), ["project_id"]);
    await expectRefusedFields(() => post(path, { title: "Ok", content: 5 }), ["content"]);
    const artifact = await artifactVia(user, project.id, { title: "Patched" });
    await expectRefusedFields(() => patch(`/api/artifacts/${artifact.id}`, { title: "" }), ["title"]);
    await expectRefusedFields(() => patch(`/api/artifacts/${artifact.id}`, { type: "pdf" }), ["type"]);
    await expectRefusedFields(() => patch(`/api/artifacts/${artifact.id}`, { status: "published" }), ["status"]);
    await expectRefusedFields(() => api("POST", `/api/artifacts/${artifact.id}/status`, { cookie: user.cookie, body: { status: "done" } }), ["status"]);
    await expectRefusedFields(() => api("POST", `/api/artifacts/${artifact.id}/status`, { cookie: user.cookie, body: {} }), ["status"]);
  });

  it("are changed by PATCH (only the fields sent) and deleted", async () => {
    const artifact = await artifactVia(user, project.id, { title: "Draft spec", type: "document", content: "v1" });
    const changed = await jsonOf<ArtifactBody>(await patch(`/api/artifacts/${artifact.id}`, { content: "v2" }));
    expect(changed.artifact).toMatchObject({ title: "Draft spec", type: "document", content: "v2", status: "draft" });
    const cleared = await jsonOf<ArtifactBody>(await patch(`/api/artifacts/${artifact.id}`, { content: null }));
    expect(cleared.artifact.content).toBe("");
    const deleted = await api("DELETE", `/api/artifacts/${artifact.id}`, { cookie: user.cookie });
    expect(deleted.status).toBe(200);
    expect((await jsonOf<ArtifactBody>(deleted)).artifact.id).toBe(artifact.id);
    expect((await api("GET", `/api/artifacts/${artifact.id}`, { cookie: user.cookie })).status).toBe(404);
  });
});

describe("bodies and methods", () => {
  it("malformed JSON, a non-object body or a missing content type is a 400, never a 500", async () => {
    const path = `/api/customers/${customer.id}/projects`;
    for (const body of ["{", "[]", "null", '"name"']) {
      const response = await api("POST", path, { cookie: user.cookie, body });
      expect(response.status, body).toBe(400);
      expect((await jsonOf<ErrorBody>(response)).error).toBe("validation");
    }
    expect((await api("POST", path, { cookie: user.cookie, body: { name: "x" }, contentType: null })).status).toBe(400);
  });

  it("other methods answer 405 with Allow", async () => {
    const project = await projectVia(user, customer.id, { name: "Methods" });
    const artifact = await artifactVia(user, project.id, { title: "Methods" });
    const cases: Array<[string, string, string]> = [
      ["PUT", `/api/customers/${customer.id}/projects`, "GET, POST"],
      ["DELETE", `/api/customers/${customer.id}/projects`, "GET, POST"],
      ["POST", `/api/projects/${project.id}`, "GET, PATCH, DELETE"],
      ["PUT", `/api/projects/${project.id}`, "GET, PATCH, DELETE"],
      ["PATCH", `/api/projects/${project.id}/artifacts`, "GET, POST"],
      ["PUT", `/api/artifacts/${artifact.id}`, "GET, PATCH, DELETE"],
      ["GET", `/api/artifacts/${artifact.id}/status`, "POST"],
      ["PATCH", `/api/artifacts/${artifact.id}/status`, "POST"],
    ];
    for (const [method, path, allow] of cases) {
      const response = await api(method, path, { cookie: user.cookie, body: method === "GET" ? undefined : {} });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("Allow")).toBe(allow);
      expect(await jsonOf<ErrorBody>(response)).toEqual({ error: "method_not_allowed" });
    }
  });
});
