import type { TestProject } from "vitest/node";
import { disposeTemplates, prepareTemplates, type Templates } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: Templates;
  }
}

export default async function setup(project: TestProject) {
  const templates = await prepareTemplates();
  project.provide("databaseTemplates", templates);
  return () => disposeTemplates(templates);
}
