import { ARTIFACT_STATUSES, PROJECT_STATUSES } from "~/projects/constants";
import { getProjectWithArtifacts, listProjectBoard, type ProjectRow } from "~/projects/queries.server";
import { DEMO_ACCOUNT, seedDemoAccount } from "../../prisma/seed";
import { seedDemoProjects } from "../../prisma/seed-projects";
import { ownerPrisma } from "../setup/owner";

/**
 * The demo account's projects, read back through the queries the board, the
 * project page and the API use: a project in every status, artifacts in every
 * workflow state, linked agreements, and the review and approval events.
 */

async function demoProjects() {
  const user = await ownerPrisma().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
  const customers = await ownerPrisma().customer.findMany({ where: { userId: user.id }, select: { id: true } });
  const projects: ProjectRow[] = [];
  for (const customer of customers) {
    const board = await listProjectBoard({ userId: user.id, customerId: customer.id });
    if (!board) throw new Error(`The demo customer ${customer.id} has no board`);
    projects.push(...board);
  }
  return { userId: user.id, projects };
}

describe("the demo account's projects", () => {
  it("cover every project status, and an active project with an artifact in every workflow state", async () => {
    expect(await seedDemoAccount(ownerPrisma())).toBe(true);
    const { userId, projects } = await demoProjects();
    expect(new Set(projects.map((project) => project.status))).toEqual(new Set(PROJECT_STATUSES));

    const everyState = projects.find((project) => project.status === "active" && ARTIFACT_STATUSES.every((status) => project.artifactCounts[status] > 0));
    expect(everyState, "an active project with every artifact status").toBeDefined();
    const page = await getProjectWithArtifacts({ userId, projectId: everyState!.id, customerId: everyState!.customerId });
    expect(new Set(page!.artifacts.map((artifact) => artifact.status))).toEqual(new Set(ARTIFACT_STATUSES));

    expect(projects.some((project) => project.agreementId !== null && project.agreementScope !== null)).toBe(true);
    const events = await ownerPrisma().customerEvent.findMany({ where: { userId, title: { startsWith: "Artifact '" } }, select: { title: true } });
    expect(events.map((event) => event.title)).toContain("Artifact 'Brand guide' approved");
    expect(events.map((event) => event.title)).toContain("Artifact 'Sitemap' sent to review");
    // Hashing the demo password (Argon2id) and ~30 customers take a while on a busy machine.
  }, 120_000);

  it("are added once: a second seed, or one over an account seeded before projects, adds nothing more", async () => {
    const before = await demoProjects();
    expect(await seedDemoAccount(ownerPrisma())).toBe(false);
    expect(await seedDemoProjects(ownerPrisma(), before.userId)).toBe(false);
    expect((await demoProjects()).projects).toHaveLength(before.projects.length);

    // An account from before this seed knew projects: they are added, once.
    await ownerPrisma().$executeRaw`DELETE FROM customer_projects WHERE user_id = ${before.userId}::uuid AND metadata->>'seed' = 'demo-projects'`;
    expect(await seedDemoAccount(ownerPrisma())).toBe(true);
    expect(await seedDemoAccount(ownerPrisma())).toBe(false);
    expect((await demoProjects()).projects).toHaveLength(before.projects.length);
  }, 120_000);
});
