import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { ownerPrisma as prisma } from "../setup/owner";
import {
  artifactPath,
  expectDone,
  failureOf,
  insertArtifact,
  insertProject,
  loadArtifact,
  loadProject,
  postArtifact,
  postProject,
  projectPath,
  snapshot,
} from "./projects-helpers";

// A project's page and an artifact's page through their real handlers, as a
// browser without JavaScript drives them.

let me: { id: string; cookie: string };
let customerId: string;
let project: Awaited<ReturnType<typeof insertProject>>;

beforeAll(async () => {
  me = await signedUpUser();
});

beforeEach(async () => {
  customerId = (await insertCustomer(prisma(), me.id, { name: "Acme Corp", status: "live" })).id;
  project = await insertProject({ userId: me.id, customerId }, { name: "Website relaunch" });
});

const onProject = (fields: Record<string, string>) => postProject(me.cookie, customerId, project.id, fields);
const onArtifact = (artifactId: string, fields: Record<string, string>) => postArtifact(me.cookie, customerId, project.id, artifactId, fields);
const eventTitles = async () => (await prisma().customerEvent.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((event) => event.title);

describe("GET the project's page", () => {
  it("shows the project and its artifacts (without their content)", async () => {
    await insertArtifact(project, { title: "Brief", status: "review" });
    const response = await loadProject(me.cookie, customerId, project.id);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { project: { name: string }; artifacts: Array<Record<string, unknown>> };
    expect(data.project.name).toBe("Website relaunch");
    expect(data.artifacts).toEqual([expect.objectContaining({ title: "Brief", status: "review", type: "document" })]);
    expect(data.artifacts[0]).not.toHaveProperty("content");
  });
});

describe("create-artifact", () => {
  it("adds a draft and opens its page", async () => {
    const response = await onProject({ intent: "create-artifact", title: " Brand guide ", type: "design", content: "# Colours\r\n\r\nIndigo  \r\n" });
    const created = await prisma().artifact.findFirstOrThrow({ where: { projectId: project.id } });
    await expectDone(response, me.cookie, artifactPath(customerId, project.id, created.id), "Artifact “Brand guide” created as a draft.");
    expect(created).toMatchObject({ customerId, userId: me.id, title: "Brand guide", type: "design", status: "draft", content: "# Colours\n\nIndigo" });
  });

  it.each([
    ["an empty title", { title: "" }, "title", /required/],
    ["a blank title", { title: " \n " }, "title", /required/],
    ["an unknown type", { title: "X", type: "video" }, "type", /Type must be one of/],
    ["content over 200 KB", { title: "X", content: "a".repeat(204_801) }, "content", /at most 204800 characters/],
  ])("answers 400 for %s, keeping what was typed, and writes nothing", async (_case, fields, field, message) => {
    const before = await snapshot();
    const body = await failureOf(await onProject({ intent: "create-artifact", type: "document", content: "", ...fields }), 400);
    expect(body).toMatchObject({ intent: "create-artifact", projectId: project.id });
    expect(body.result?.error?.[field]?.[0]).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it("takes an empty content (a new artifact often starts so)", async () => {
    await onProject({ intent: "create-artifact", title: "Empty", type: "code", content: "" });
    expect(await prisma().artifact.findFirstOrThrow({ where: { projectId: project.id } })).toMatchObject({ title: "Empty", content: "" });
  });

  it("takes content of exactly 200 KB", async () => {
    await onProject({ intent: "create-artifact", title: "Big", type: "report", content: "a".repeat(204_800) });
    expect((await prisma().artifact.findFirstOrThrow({ where: { projectId: project.id } })).content).toHaveLength(204_800);
  });
});

describe("update-project on the project's page", () => {
  it("saves and comes back to the page", async () => {
    const response = await onProject({ intent: "update-project", projectId: project.id, name: "Renamed", description: "", agreementId: "" });
    await expectDone(response, me.cookie, projectPath(customerId, project.id), "Project saved.");
    expect((await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("Renamed");
  });
});

describe("the artifact's page", () => {
  it("loads the artifact with its content and project", async () => {
    const artifact = await insertArtifact(project, { content: "Hello **world**" });
    const response = await loadArtifact(me.cookie, customerId, project.id, artifact.id);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { project: { id: string; name: string }; artifact: { content: string } };
    expect(data.project).toEqual({ id: project.id, name: "Website relaunch" });
    expect(data.artifact.content).toBe("Hello **world**");
  });

  it("goes draft → in progress → review → final, recording review and approval on the timeline", async () => {
    const artifact = await insertArtifact(project, { title: "Brand guide" });
    const page = artifactPath(customerId, project.id, artifact.id);
    await expectDone(await onArtifact(artifact.id, { intent: "artifact-status", from: "draft", status: "in_progress" }), me.cookie, page, "“Brand guide” work started.");
    await expectDone(await onArtifact(artifact.id, { intent: "artifact-status", from: "in_progress", status: "review" }), me.cookie, page, "“Brand guide” sent to review.");
    await expectDone(await onArtifact(artifact.id, { intent: "artifact-status", from: "review", status: "final" }), me.cookie, page, "“Brand guide” approved.");
    expect((await prisma().artifact.findUniqueOrThrow({ where: { id: artifact.id } })).status).toBe("final");
    expect(await eventTitles()).toEqual(["Artifact 'Brand guide' sent to review", "Artifact 'Brand guide' approved"]);
    await expectDone(await onArtifact(artifact.id, { intent: "artifact-status", from: "final", status: "in_progress" }), me.cookie, page, "“Brand guide” reopened.");
    expect(await eventTitles()).toHaveLength(3);
  });

  it.each([
    ["draft", "final"],
    ["draft", "review"],
    ["in_progress", "final"],
    ["final", "review"],
    ["archived", "in_progress"],
    ["review", "review"],
  ])("refuses %s → %s with a 409 and a message, changing nothing", async (from, to) => {
    const artifact = await insertArtifact(project, { status: from });
    const before = await snapshot();
    const body = await failureOf(await onArtifact(artifact.id, { intent: "artifact-status", from, status: to }), 409);
    expect(body.intent).toBe("artifact-status");
    expect(body.message).toMatch(/cannot move|already/);
    expect(await snapshot()).toBe(before);
  });

  it("refuses a move pressed on a page that showed an older status (another tab moved it)", async () => {
    const artifact = await insertArtifact(project, { status: "final" });
    const before = await snapshot();
    // "Request changes" was pressed while it was in review; meanwhile it was approved.
    const body = await failureOf(await onArtifact(artifact.id, { intent: "artifact-status", from: "review", status: "in_progress" }), 409);
    expect(body.message).toBeTruthy();
    expect(await snapshot()).toBe(before);
  });

  it.each(["", "done", "FINAL"])("answers 400 for the status %j", async (status) => {
    const artifact = await insertArtifact(project);
    const body = await failureOf(await onArtifact(artifact.id, { intent: "artifact-status", status }), 400);
    expect(body.result?.error?.status?.[0]).toBeTruthy();
  });

  it("saves an edit and shows the page", async () => {
    const artifact = await insertArtifact(project);
    const response = await onArtifact(artifact.id, { intent: "update-artifact", title: "Guide v2", type: "report", content: "New" });
    await expectDone(response, me.cookie, artifactPath(customerId, project.id, artifact.id), "Artifact saved.");
    expect(await prisma().artifact.findUniqueOrThrow({ where: { id: artifact.id } })).toMatchObject({ title: "Guide v2", type: "report", content: "New", status: "draft" });
  });

  it.each([
    ["a blank title", { title: "  ", type: "document", content: "" }, "title"],
    ["an unknown type", { title: "X", type: "slides", content: "" }, "type"],
    ["content over 200 KB", { title: "X", type: "document", content: "a".repeat(204_801) }, "content"],
  ])("answers 400 to an edit with %s", async (_case, fields, field) => {
    const artifact = await insertArtifact(project);
    const before = await snapshot();
    const body = await failureOf(await onArtifact(artifact.id, { intent: "update-artifact", ...fields }), 400);
    expect(body.result?.error?.[field]?.[0]).toBeTruthy();
    expect(await snapshot()).toBe(before);
  });

  it("two tabs: the second save keeps the first's change to another field, and is refused (409) on the same one", async () => {
    const artifact = await insertArtifact(project, { title: "Brand guide", content: "v1" });
    const opened = JSON.stringify({ title: "Brand guide", type: "document", content: "v1" });
    const page = artifactPath(customerId, project.id, artifact.id);
    // Tab B rewrites the content.
    await expectDone(await onArtifact(artifact.id, { intent: "update-artifact", openedWith: opened, title: "Brand guide", type: "document", content: "v2 from B" }), me.cookie, page, "Artifact saved.");
    // Tab A, opened on v1, retitles it: B's content stays.
    await expectDone(await onArtifact(artifact.id, { intent: "update-artifact", openedWith: opened, title: "Brand book", type: "document", content: "v1" }), me.cookie, page, "Artifact saved.");
    expect(await prisma().artifact.findUniqueOrThrow({ where: { id: artifact.id } })).toMatchObject({ title: "Brand book", content: "v2 from B" });
    // Tab A rewrites the content too: refused, not silently discarding B's.
    const before = await snapshot();
    const body = await failureOf(await onArtifact(artifact.id, { intent: "update-artifact", openedWith: opened, title: "Brand guide", type: "document", content: "v2 from A" }), 409);
    expect(body.intent).toBe("update-artifact");
    expect(body.result?.error?.content?.[0]).toMatch(/Someone else changed Content .*v2 from B/);
    expect(body.result?.initialValue).toMatchObject({ content: "v2 from A", title: "Brand book" });
    expect(await snapshot()).toBe(before);
  });

  it("deletes the artifact and goes back to the project", async () => {
    const artifact = await insertArtifact(project, { title: "Brand guide" });
    await expectDone(await onArtifact(artifact.id, { intent: "delete-artifact" }), me.cookie, projectPath(customerId, project.id), "Artifact “Brand guide” deleted.");
    expect(await prisma().artifact.count({ where: { id: artifact.id } })).toBe(0);
  });

  it("answers 400 to an unknown intent", async () => {
    const artifact = await insertArtifact(project);
    expect((await onArtifact(artifact.id, { intent: "publish" })).status).toBe(400);
  });
});
