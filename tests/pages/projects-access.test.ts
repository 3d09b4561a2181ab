import { randomUUID } from "node:crypto";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { ownerPrisma as prisma } from "../setup/owner";
import {
  insertArtifact,
  insertProject,
  loadArtifact,
  loadBoard,
  loadProject,
  postArtifact,
  postBoard,
  postProject,
  snapshot,
} from "./projects-helpers";

// Every project page and intent answers 404, and changes nothing, for a
// customer, project or artifact that is not the user's — or not under the
// URL's customer and project: another user's, another customer's of the
// same user, an archived customer's, a random or malformed id.

let me: { id: string; cookie: string };
let other: { id: string; cookie: string };

beforeAll(async () => {
  me = await signedUpUser();
  other = await signedUpUser();
});

/** A customer of `userId` with a project and an artifact. */
async function world(userId: string, name: string) {
  const customer = await insertCustomer(prisma(), userId, { name });
  const project = await insertProject({ userId, customerId: customer.id }, { name: `${name} project`, status: "active" });
  const artifact = await insertArtifact(project, { status: "review" });
  return { customerId: customer.id, projectId: project.id, artifactId: artifact.id };
}

const projectFields = { name: "Hijacked", description: "", agreementId: "", status: "active" };
const artifactFields = { title: "Hijacked", type: "document", content: "x" };

const BOARD_INTENTS: Array<Record<string, string>> = [
  { intent: "create-project", ...projectFields },
  { intent: "update-project", ...projectFields },
  { intent: "project-status", status: "completed" },
  { intent: "delete-project" },
];
const PROJECT_INTENTS: Array<Record<string, string>> = [{ intent: "update-project", ...projectFields }, { intent: "create-artifact", ...artifactFields }];
const ARTIFACT_INTENTS: Array<Record<string, string>> = [
  { intent: "update-artifact", ...artifactFields },
  { intent: "artifact-status", status: "final" },
  { intent: "delete-artifact" },
];

type Ids = { customerId: string; projectId: string; artifactId: string };

/**
 * The URLs to try: each with an id that is not the user's, or not under the
 * others. "artifact" cases get the project right: only the artifact's page
 * and intents must refuse them.
 */
const cases: Array<[string, "project" | "artifact", () => Promise<Ids>]> = [
  ["another user's customer, project and artifact", "project", () => world(other.id, "Theirs")],
  [
    "my customer with another user's project",
    "project",
    async () => {
      const mine = await world(me.id, "Mine");
      const theirs = await world(other.id, "Theirs");
      return { ...mine, projectId: theirs.projectId, artifactId: theirs.artifactId };
    },
  ],
  [
    "my project with another user's artifact",
    "artifact",
    async () => ({ ...(await world(me.id, "Mine")), artifactId: (await world(other.id, "Theirs")).artifactId }),
  ],
  [
    "my other customer's project under this customer's URL",
    "project",
    async () => {
      const here = await world(me.id, "Here");
      const there = await world(me.id, "There");
      return { customerId: here.customerId, projectId: there.projectId, artifactId: there.artifactId };
    },
  ],
  [
    "my other project's artifact under this project's URL",
    "artifact",
    async () => {
      const here = await world(me.id, "Here");
      const sibling = await insertProject({ userId: me.id, customerId: here.customerId }, { name: "Sibling" });
      return { ...here, projectId: sibling.id };
    },
  ],
  [
    "an archived customer of mine",
    "project",
    async () => {
      const ids = await world(me.id, "Archived");
      await prisma().customer.update({ where: { id: ids.customerId }, data: { deletedAt: new Date() } });
      return ids;
    },
  ],
  ["random ids", "project", async () => ({ customerId: (await world(me.id, "Mine")).customerId, projectId: randomUUID(), artifactId: randomUUID() })],
  ["malformed ids", "project", async () => ({ customerId: (await world(me.id, "Mine")).customerId, projectId: "x' OR 1=1 --", artifactId: "nope" })],
];

describe.each(cases)("%s", (_which, _wrong, ids) => {
  it("answers 404 on the artifact's page", async () => {
    const { customerId, projectId, artifactId } = await ids();
    expect((await loadArtifact(me.cookie, customerId, projectId, artifactId)).status).toBe(404);
  });

  it.each(ARTIFACT_INTENTS)("answers 404 to the artifact page's %o and changes nothing", async (fields) => {
    const { customerId, projectId, artifactId } = await ids();
    const before = await snapshot();
    expect((await postArtifact(me.cookie, customerId, projectId, artifactId, fields)).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe.each(cases.filter(([, wrong]) => wrong === "project"))("%s", (_which, _wrong, ids) => {
  it("answers 404 on the project's page", async () => {
    const { customerId, projectId } = await ids();
    expect((await loadProject(me.cookie, customerId, projectId)).status).toBe(404);
  });

  it.each(PROJECT_INTENTS)("answers 404 to the project page's %o and changes nothing", async (fields) => {
    const { customerId, projectId } = await ids();
    const before = await snapshot();
    expect((await postProject(me.cookie, customerId, projectId, { ...fields, projectId })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it.each(BOARD_INTENTS.filter((fields) => fields.intent !== "create-project"))("answers 404 to the board's %o naming the project, and changes nothing", async (fields) => {
    const { customerId, projectId } = await ids();
    const before = await snapshot();
    expect((await postBoard(me.cookie, customerId, { ...fields, projectId })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe("a customer that is not the user's live one", () => {
  const customers: Array<[string, () => Promise<string>]> = [
    ["another user's", async () => (await world(other.id, "Theirs")).customerId],
    [
      "archived",
      async () => {
        const { customerId } = await world(me.id, "Archived");
        await prisma().customer.update({ where: { id: customerId }, data: { deletedAt: new Date() } });
        return customerId;
      },
    ],
    ["a random id", async () => randomUUID()],
    ["not a UUID", async () => "nope"],
  ];

  it.each(customers)("the board of %s customer answers 404", async (_which, customer) => {
    expect((await loadBoard(me.cookie, await customer())).status).toBe(404);
  });

  it.each(customers)("creating a project for %s customer answers 404 and writes nothing", async (_which, customer) => {
    const customerId = await customer();
    const before = await snapshot();
    expect((await postBoard(me.cookie, customerId, BOARD_INTENTS[0]!)).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it("a board intent without a project id answers 404", async () => {
    const { customerId } = await world(me.id, "Mine");
    for (const fields of BOARD_INTENTS.slice(1)) expect((await postBoard(me.cookie, customerId, fields)).status).toBe(404);
  });
});

it("the owner reaches all of it", async () => {
  const { customerId, projectId, artifactId } = await world(me.id, "Mine");
  expect((await loadBoard(me.cookie, customerId)).status).toBe(200);
  expect((await loadProject(me.cookie, customerId, projectId)).status).toBe(200);
  expect((await loadArtifact(me.cookie, customerId, projectId, artifactId)).status).toBe(200);
});
