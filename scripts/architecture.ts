import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Checks the shape of app/ that code review keeps missing: no import cycles,
 * no module too long to read in one sitting, and layers that point one way
 * (routes → http → features → db; utils and components depend on no feature).
 * Used by `npm run check:architecture` and by tests/architecture.test.ts.
 */

export const MAX_LINES = 400;

const APP = path.resolve(import.meta.dirname, "..", "app");
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;

/** Which top-level folders of app/ each folder may import from. */
const ALLOWED_LAYERS: Record<string, readonly string[]> = {
  utils: ["utils"],
  db: ["db", "utils", "generated"],
  components: ["components", "utils"],
  auth: ["auth", "db", "utils", "components", "generated"],
  account: ["account", "auth", "db", "utils", "components", "generated"],
  customers: ["customers", "agreements", "receivables", "projects", "db", "utils", "components", "generated"],
  agreements: ["agreements", "customers", "db", "utils", "components", "generated"],
  receivables: ["receivables", "agreements", "customers", "db", "utils", "components", "generated"],
  projects: ["projects", "agreements", "customers", "db", "utils", "components", "generated"],
  http: ["http", "auth", "account", "customers", "agreements", "receivables", "projects", "db", "utils", "generated"],
  routes: ["routes", "http", "auth", "account", "customers", "agreements", "receivables", "projects", "db", "utils", "components", "generated"],
};

export interface ArchitectureReport {
  files: number;
  cycles: string[][];
  longFiles: Array<{ file: string; lines: number }>;
  layerViolations: Array<{ from: string; to: string }>;
  /**
   * Browser code (a module without `.server` in its name, outside routes/ and
   * tests) taking a value from a `.server` module: the bundler replaces that
   * module with an empty one, so the value is undefined in the browser.
   */
  serverInBrowser: Array<{ from: string; to: string }>;
}

const SERVER_MODULE = /\.server\.[jt]sx?$/;
const TYPE_ONLY = /^(?:import|export)\s+type\s/;

/** Whether `file` may run in the browser (route modules are split by Remix itself; tests never do). */
function isBrowserModule(app: string, file: string): boolean {
  const relativePath = path.relative(app, file);
  return !SERVER_MODULE.test(file) && !/\.test\.[jt]sx?$/.test(file) && !relativePath.startsWith(`routes${path.sep}`) && path.dirname(relativePath) !== ".";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return SOURCE.test(name) ? [full] : [];
  });
}

function resolveImport(app: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(app, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}


/** Strongly connected components with more than one module (or a module importing itself). */
function findCycles(graph: Map<string, string[]>, relative: (file: string) => string): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.map(relative).sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

/** Checks the app/ folder at `app` (this project's, unless a test passes another). */
export function checkArchitecture(app: string = APP): ArchitectureReport {
  const relative = (file: string) => path.join(path.basename(app), path.relative(app, file));
  const layerOf = (file: string) => path.relative(app, file).split(path.sep)[0]!;
  const files = sourceFiles(app);
  const graph = new Map<string, string[]>();
  const longFiles: ArchitectureReport["longFiles"] = [];
  const layerViolations: ArchitectureReport["layerViolations"] = [];
  const serverInBrowser: ArchitectureReport["serverInBrowser"] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES) longFiles.push({ file: relative(file), lines });
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(app, file, match[1] ?? match[2] ?? match[3]!);
      // Only app/ is checked: a test beside its code may use shared test helpers.
      if (!target || path.relative(app, target).startsWith("..")) continue;
      targets.add(target);
      if (isBrowserModule(app, file) && SERVER_MODULE.test(target) && !TYPE_ONLY.test(match[0])) {
        serverInBrowser.push({ from: relative(file), to: relative(target) });
      }
      const from = layerOf(file);
      const allowed = ALLOWED_LAYERS[from];
      // Files directly in app/ (root.tsx, entry.server.tsx) wire everything together.
      if (allowed && !allowed.includes(layerOf(target))) {
        layerViolations.push({ from: relative(file), to: relative(target) });
      }
    }
    graph.set(file, [...targets].filter((target) => !target.includes(`${path.sep}generated${path.sep}`)));
  }
  return { files: files.length, cycles: findCycles(graph, relative), longFiles, layerViolations, serverInBrowser };
}
