import type { ApiArtifact, ApiProject } from "~/projects/api-shape.server";
import { ownerPrisma as prisma } from "../setup/owner";
import { expectValidationRefusal } from "./agreement-helpers";
import { api, jsonOf, type TestUser } from "./helpers";

/** Creating and inspecting projects and artifacts through the API, for the projects tests. */

export type ProjectBody = { project: ApiProject };
export type ProjectsBody = { projects: ApiProject[] };
export type ArtifactBody = { artifact: ApiArtifact };
export type ArtifactsBody = { artifacts: ApiArtifact[] };

/** Creates a project through the API (the request must succeed). */
export async function projectVia(user: TestUser, customerId: string, body: Record<string, unknown> = { name: "Website relaunch" }): Promise<ApiProject> {
  const response = await api("POST", `/api/customers/${customerId}/projects`, { cookie: user.cookie, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await jsonOf<ProjectBody>(response)).project;
}

/** Creates an artifact through the API (the request must succeed). */
export async function artifactVia(user: TestUser, projectId: string, body: Record<string, unknown> = { title: "Brand guide" }): Promise<ApiArtifact> {
  const response = await api("POST", `/api/projects/${projectId}/artifacts`, { cookie: user.cookie, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await jsonOf<ArtifactBody>(response)).artifact;
}

export function moveVia(user: TestUser, artifactId: string, status: string) {
  return api("POST", `/api/artifacts/${artifactId}/status`, { cookie: user.cookie, body: { status } });
}

/** Every project, artifact, event and customer: what a refused request must leave untouched. */
export async function projectsSnapshot() {
  const [projects, artifacts, events, customers] = await Promise.all([
    prisma().project.findMany({ orderBy: { id: "asc" } }),
    prisma().artifact.findMany({ orderBy: { id: "asc" } }),
    prisma().customerEvent.findMany({ orderBy: { id: "asc" } }),
    prisma().customer.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { projects, artifacts, events, customers };
}

/** Sends a request that must be refused with 400 and issues on exactly `fields`, writing nothing. */
export function expectRefusedFields(send: () => Promise<Response>, fields: string[]) {
  return expectValidationRefusal(send, fields, projectsSnapshot);
}
