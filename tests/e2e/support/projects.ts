import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * Arranges a project with artifacts through the pages' own form posts; for
 * setting up quickly, as seedCustomer does. `moves` are the statuses each
 * artifact is moved through, in order, from draft.
 */
export async function seedProject(
  page: Page,
  customerId: string,
  project: { name: string; status?: string; description?: string },
  artifacts: Array<{ title: string; content?: string; moves?: string[] }> = [],
): Promise<{ projectPath: string; artifactPaths: string[] }> {
  const board = `/customers/${customerId}/projects`;
  const created = await page.request.post(board, {
    form: { intent: "create-project", name: project.name, status: project.status ?? "active", description: project.description ?? "" },
    maxRedirects: 0,
  });
  expect(created.status(), await created.text()).toBe(302);
  // ?archived: the board shows archived projects only when asked.
  const html = await (await page.request.get(`${board}?archived`)).text();
  const projectPath = new RegExp(`href="(${board}/[0-9a-f-]{36})">${project.name}<`).exec(html)?.[1];
  if (!projectPath) throw new Error(`No link to the project ${project.name} on the board`);
  const artifactPaths: string[] = [];
  for (const artifact of artifacts) {
    const response = await page.request.post(projectPath, {
      form: { intent: "create-artifact", title: artifact.title, type: "document", content: artifact.content ?? "" },
      maxRedirects: 0,
    });
    expect(response.status(), await response.text()).toBe(302);
    const path = response.headers().location!;
    let from = "draft";
    for (const status of artifact.moves ?? []) {
      const moved = await page.request.post(path, { form: { intent: "artifact-status", from, status }, maxRedirects: 0 });
      expect(moved.status(), await moved.text()).toBe(302);
      from = status;
    }
    artifactPaths.push(path);
  }
  return { projectPath, artifactPaths };
}
