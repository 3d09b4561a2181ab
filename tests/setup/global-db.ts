import type { TestProject } from "vitest/node";
import { disposeTemplate, prepareTemplate } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await prepareTemplate();
  project.provide("databaseTemplate", template);
  return () => disposeTemplate(template);
}
