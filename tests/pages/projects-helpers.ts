import type { ProjectActionFailure } from "~/projects/actions";
import * as artifactRoute from "~/routes/customers.$id.projects_.$projectId_.artifacts.$artifactId";
import * as projectRoute from "~/routes/customers.$id.projects_.$projectId";
import * as boardRoute from "~/routes/customers.$id.projects";
import { insertCustomer } from "../../prisma/factories";
import { call, cookiesFrom, get, postForm } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";

/** The three project pages through their real handlers, as a browser without JavaScript drives them. */

export interface Owner {
  userId: string;
  customerId: string;
}

export function insertProject(owner: Owner, data: { name?: string; status?: string; description?: string | null; agreementId?: string | null } = {}) {
  return prisma().project.create({
    data: { ...owner, name: data.name ?? "Website relaunch", status: data.status ?? "active", description: data.description ?? null, agreementId: data.agreementId ?? null },
  });
}

export function insertArtifact(project: { id: string; customerId: string; userId: string }, data: { title?: string; status?: string; type?: string; content?: string } = {}) {
  return prisma().artifact.create({
    data: {
      projectId: project.id,
      customerId: project.customerId,
      userId: project.userId,
      title: data.title ?? "Brand guide",
      status: data.status ?? "draft",
      type: data.type ?? "document",
      content: data.content ?? "# Brand guide",
    },
  });
}

export function insertAgreement(owner: Owner, scope = "Design retainer") {
  return prisma().agreement.create({ data: { ...owner, scope, type: "fixed_fee", pricing: { amount: "1000.00" } } });
}

export async function archivedCustomerOf(userId: string, name = "Archived") {
  const customer = await insertCustomer(prisma(), userId, { name });
  return { customer, archive: () => prisma().customer.update({ where: { id: customer.id }, data: { deletedAt: new Date() } }) };
}

const enc = encodeURIComponent;
export const boardPath = (customerId: string) => `/customers/${enc(customerId)}/projects`;
export const projectPath = (customerId: string, projectId: string) => `${boardPath(customerId)}/${enc(projectId)}`;
export const artifactPath = (customerId: string, projectId: string, artifactId: string) => `${projectPath(customerId, projectId)}/artifacts/${enc(artifactId)}`;

export function postBoard(cookie: string, customerId: string, fields: Record<string, string>) {
  return call(boardRoute.action, postForm(boardPath(customerId), fields, { cookie }), { id: customerId });
}

export function postProject(cookie: string, customerId: string, projectId: string, fields: Record<string, string>) {
  return call(projectRoute.action, postForm(projectPath(customerId, projectId), fields, { cookie }), { id: customerId, projectId });
}

export function postArtifact(cookie: string, customerId: string, projectId: string, artifactId: string, fields: Record<string, string>) {
  return call(artifactRoute.action, postForm(artifactPath(customerId, projectId, artifactId), fields, { cookie }), { id: customerId, projectId, artifactId });
}

export function loadBoard(cookie: string, customerId: string) {
  return call(boardRoute.loader, get(boardPath(customerId), { cookie }), { id: customerId });
}

export function loadProject(cookie: string, customerId: string, projectId: string) {
  return call(projectRoute.loader, get(projectPath(customerId, projectId), { cookie }), { id: customerId, projectId });
}

export function loadArtifact(cookie: string, customerId: string, projectId: string, artifactId: string) {
  return call(artifactRoute.loader, get(artifactPath(customerId, projectId, artifactId), { cookie }), { id: customerId, projectId, artifactId });
}

export async function toastAfter(response: Response, cookie: string): Promise<{ kind: string; message: string } | null> {
  const root = await import("~/root");
  const page = await call(root.loader, get("/customers", { cookie: `${cookie}; ${cookiesFrom(response)}` }));
  return ((await page.json()) as { toast: { kind: string; message: string } | null }).toast;
}

/** A redirect to `location` with a success toast matching `message`. */
export async function expectDone(response: Response, cookie: string, location: string, message: string | RegExp) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(location);
  const toast = await toastAfter(response, cookie);
  expect(toast?.kind).toBe("success");
  expect(toast?.message).toMatch(message);
}

export async function failureOf(response: Response, status: number): Promise<ProjectActionFailure> {
  expect(response.status).toBe(status);
  return (await response.json()) as ProjectActionFailure;
}

/** Everything a project action could write: projects, artifacts and the timeline. */
export async function snapshot() {
  const [projects, artifacts, events] = await Promise.all([
    prisma().project.findMany({ orderBy: { id: "asc" } }),
    prisma().artifact.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ projects, artifacts, events });
}
