import * as overviewRoute from "~/routes/customers.$id.overview";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { call, get } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";
import {
  boardPath,
  expectDone,
  failureOf,
  insertAgreement,
  insertArtifact,
  insertProject,
  loadBoard,
  postBoard,
  snapshot,
} from "./projects-helpers";

// The Projects tab (the board) through its real handlers, as a browser
// without JavaScript drives it: form posts in, a redirect with a toast or a
// 400/409 page out. Every refused request leaves the database as it was.

let me: { id: string; cookie: string };
let customerId: string;
const owner = () => ({ userId: me.id, customerId });

beforeAll(async () => {
  me = await signedUpUser();
});

beforeEach(async () => {
  customerId = (await insertCustomer(prisma(), me.id, { name: "Acme Corp", status: "live" })).id;
});

const post = (fields: Record<string, string>) => postBoard(me.cookie, customerId, fields);
const board = boardPath;

interface BoardData {
  projects: Array<{ id: string; name: string; status: string; agreementScope: string | null; artifactCounts: Record<string, number> }>;
  agreements: Array<{ id: string; scope: string }>;
}

async function load(): Promise<BoardData> {
  const response = await loadBoard(me.cookie, customerId);
  expect(response.status).toBe(200);
  return (await response.json()) as BoardData;
}

describe("GET /customers/:id/projects", () => {
  it("lists every project with its artifact counts per status, its agreement, and the customer's agreements", async () => {
    const agreement = await insertAgreement(owner());
    const site = await insertProject(owner(), { name: "Site", status: "active", agreementId: agreement.id });
    await insertProject(owner(), { name: "Old", status: "archived" });
    for (const status of ["draft", "review", "review", "final"]) await insertArtifact(site, { status });
    const data = await load();
    expect(data.projects.map((project) => project.name).sort()).toEqual(["Old", "Site"]);
    const shown = data.projects.find((project) => project.name === "Site")!;
    expect(shown).toMatchObject({ status: "active", agreementScope: "Design retainer" });
    expect(shown.artifactCounts).toEqual({ draft: 1, in_progress: 0, review: 2, final: 1, archived: 0 });
    expect(Object.keys(shown).sort()).toEqual(["agreementId", "agreementScope", "artifactCounts", "description", "id", "name", "status"]);
    expect(data.agreements).toEqual([{ id: agreement.id, scope: "Design retainer" }]);
  });

  it("agrees with the overview's Active projects stat", async () => {
    await insertProject(owner(), { status: "active" });
    await insertProject(owner(), { status: "active" });
    await insertProject(owner(), { status: "planning" });
    await insertProject(owner(), { status: "archived" });
    const activeOnBoard = (await load()).projects.filter((project) => project.status === "active").length;
    const overview = await call(overviewRoute.loader, get(`/customers/${customerId}/overview`, { cookie: me.cookie }), { id: customerId });
    const stats = ((await overview.json()) as { stats: { activeProjects: number } }).stats;
    expect(activeOnBoard).toBe(2);
    expect(stats.activeProjects).toBe(activeOnBoard);
  });
});

describe("create-project", () => {
  it("creates it with its status and agreement", async () => {
    const agreement = await insertAgreement(owner());
    const response = await post({ intent: "create-project", name: "  Brand refresh ", description: "Logo and colours", status: "on_hold", agreementId: agreement.id });
    await expectDone(response, me.cookie, board(customerId), "Project “Brand refresh” created.");
    const created = await prisma().project.findFirstOrThrow({ where: { customerId } });
    expect(created).toMatchObject({ userId: me.id, name: "Brand refresh", description: "Logo and colours", status: "on_hold", agreementId: agreement.id });
  });

  it("starts in planning with no agreement when none is chosen", async () => {
    await expectDone(await post({ intent: "create-project", name: "Discovery", description: "", agreementId: "" }), me.cookie, board(customerId), /created/);
    expect(await prisma().project.findFirstOrThrow({ where: { customerId } })).toMatchObject({ status: "planning", agreementId: null, description: null });
  });

  it.each([
    ["an empty name", { name: "" }, "name", /required/],
    ["a blank name", { name: "   \t " }, "name", /required/],
    ["an unknown status", { name: "X", status: "done" }, "status", /Status must be one of/],
    ["a malformed agreement", { name: "X", agreementId: "nope" }, "agreementId", /agreement of this customer/],
    ["a name too long", { name: "x".repeat(201) }, "name", /at most 200/],
  ])("answers 400 with the field's error for %s, and writes nothing", async (_case, fields, field, message) => {
    const before = await snapshot();
    const body = await failureOf(await post({ intent: "create-project", ...fields }), 400);
    expect(body.intent).toBe("create-project");
    expect(body.result?.error?.[field]?.[0]).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it("refuses another customer's agreement (400 on the field), mine or someone else's", async () => {
    const mine = await insertCustomer(prisma(), me.id, { name: "Other customer" });
    const theirs = await insertAgreement({ userId: me.id, customerId: mine.id });
    const before = await snapshot();
    const body = await failureOf(await post({ intent: "create-project", name: "X", agreementId: theirs.id }), 400);
    expect(body.result?.error?.agreementId).toEqual(["Choose an agreement of this customer"]);
    expect(body.result?.initialValue?.name).toBe("X");
    expect(await snapshot()).toBe(before);
  });
});

describe("update-project", () => {
  it("saves name, description and agreement", async () => {
    const agreement = await insertAgreement(owner());
    const project = await insertProject(owner(), { name: "Site", description: "Old" });
    const response = await post({ intent: "update-project", projectId: project.id, name: "New site", description: "", agreementId: agreement.id });
    await expectDone(response, me.cookie, board(customerId), "Project saved.");
    expect(await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ name: "New site", description: null, agreementId: agreement.id, status: "active" });
  });

  it("answers 400 for a blank name or another customer's agreement, naming the project", async () => {
    const project = await insertProject(owner());
    const elsewhere = await insertCustomer(prisma(), me.id, { name: "Elsewhere" });
    const foreign = await insertAgreement({ userId: me.id, customerId: elsewhere.id });
    const before = await snapshot();
    const blank = await failureOf(await post({ intent: "update-project", projectId: project.id, name: " " }), 400);
    expect(blank).toMatchObject({ intent: "update-project", projectId: project.id });
    expect(blank.result?.error?.name?.[0]).toMatch(/required/);
    const linked = await failureOf(await post({ intent: "update-project", projectId: project.id, name: "Site", agreementId: foreign.id }), 400);
    expect(linked.result?.error?.agreementId).toEqual(["Choose an agreement of this customer"]);
    expect(await snapshot()).toBe(before);
  });

  it("keeps another tab's change to another field, and refuses (409) one to the same field", async () => {
    const project = await insertProject(owner(), { name: "Site", description: "First" });
    const opened = JSON.stringify({ name: "Site", description: "First", agreementId: "" });
    // Tab B saves a new description.
    await expectDone(await post({ intent: "update-project", projectId: project.id, openedWith: opened, name: "Site", description: "From B", agreementId: "" }), me.cookie, board(customerId), "Project saved.");
    // Tab A, opened before, renames it: B's description stays.
    await expectDone(await post({ intent: "update-project", projectId: project.id, openedWith: opened, name: "Renamed by A", description: "First", agreementId: "" }), me.cookie, board(customerId), "Project saved.");
    expect(await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ name: "Renamed by A", description: "From B" });
    // Tab A changes the description too: refused, saying what it reads now.
    const before = await snapshot();
    const body = await failureOf(await post({ intent: "update-project", projectId: project.id, openedWith: opened, name: "Site", description: "From A", agreementId: "" }), 409);
    expect(body.result?.error?.description?.[0]).toMatch(/Someone else changed Description .*From B/);
    expect(body.result?.initialValue).toMatchObject({ description: "From A", name: "Renamed by A" });
    expect(await snapshot()).toBe(before);
  });
});

describe("project-status", () => {
  it("moves the project to any status", async () => {
    const project = await insertProject(owner(), { name: "Site", status: "planning" });
    for (const status of ["active", "on_hold", "completed", "archived", "planning"]) {
      await expectDone(await post({ intent: "project-status", projectId: project.id, status }), me.cookie, board(customerId), /^“Site” moved to /);
      expect((await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe(status);
    }
  });

  it.each(["", "done", "ACTIVE"])("answers 400 for the status %j", async (status) => {
    const project = await insertProject(owner());
    const before = await snapshot();
    const body = await failureOf(await post({ intent: "project-status", projectId: project.id, status }), 400);
    expect(body).toMatchObject({ intent: "project-status", projectId: project.id });
    expect(body.result?.error?.status?.[0]).toBeTruthy();
    expect(await snapshot()).toBe(before);
  });
});

describe("delete-project", () => {
  it("deletes it with its artifacts, saying how many went", async () => {
    const project = await insertProject(owner(), { name: "Site" });
    await insertArtifact(project);
    await insertArtifact(project, { title: "Wireframes" });
    const kept = await insertProject(owner(), { name: "Kept" });
    await insertArtifact(kept);
    await expectDone(await post({ intent: "delete-project", projectId: project.id }), me.cookie, board(customerId), "Project “Site” deleted with its 2 artifacts.");
    expect(await prisma().project.findMany({ where: { customerId } })).toEqual([expect.objectContaining({ id: kept.id })]);
    expect(await prisma().artifact.count({ where: { customerId } })).toBe(1);
  });

  it("says nothing of artifacts when there were none", async () => {
    const project = await insertProject(owner(), { name: "Empty" });
    await expectDone(await post({ intent: "delete-project", projectId: project.id }), me.cookie, board(customerId), "Project “Empty” deleted.");
  });
});

it("answers 400 to an unknown intent", async () => {
  expect((await post({ intent: "explode" })).status).toBe(400);
});

