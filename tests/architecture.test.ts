import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkArchitecture, MAX_LINES } from "../scripts/architecture";

/** The layout rules of docs/decisions/0006: checked on app/, and shown to catch each kind of breach. */

describe("app/ architecture", () => {
  it("has no import cycle, no module over the length limit and no import against the layers", () => {
    const report = checkArchitecture();
    expect(report.files).toBeGreaterThan(50);
    expect(report.cycles).toEqual([]);
    expect(report.longFiles).toEqual([]);
    expect(report.layerViolations).toEqual([]);
    expect(report.serverInBrowser).toEqual([]);
  });

  describe("the checker", () => {
    let app: string;
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      writeFileSync(path.join(app, file), text);
    };
    beforeEach(() => {
      app = path.join(mkdtempSync(path.join(tmpdir(), "architecture-")), "app");
    });
    afterEach(() => rmSync(path.dirname(app), { recursive: true, force: true }));

    it("finds a cycle through the ~/ alias and relative paths", () => {
      write("customers/a.server.ts", 'import { b } from "./b.server";\nexport const a = b;\n');
      write("customers/b.server.ts", 'import { c } from "~/customers/c";\nexport const b = c;\n');
      write("customers/c.ts", 'export { a as c } from "./a.server";\n');
      write("customers/d.ts", 'import { a } from "./a.server";\nexport const d = a;\n');
      expect(checkArchitecture(app).cycles).toEqual([["app/customers/a.server.ts", "app/customers/b.server.ts", "app/customers/c.ts"]]);
    });

    it("finds a module over the limit", () => {
      write("utils/long.ts", "export const x = 1;\n".repeat(MAX_LINES + 1));
      write("utils/short.ts", "export const x = 1;\n".repeat(MAX_LINES));
      expect(checkArchitecture(app).longFiles).toEqual([{ file: "app/utils/long.ts", lines: MAX_LINES + 1 }]);
    });

    it("finds browser code taking a value from a .server module, and lets types, routes and server code do so", () => {
      write("agreements/list.server.ts", "export const ORDER = [1];\nexport type Row = { id: string };\n");
      write("agreements/components/Table.tsx", 'import { ORDER } from "../list.server";\nexport const t = ORDER;\n');
      write("agreements/components/Typed.tsx", 'import type { Row } from "../list.server";\nexport type T = Row;\n');
      write("agreements/other.server.ts", 'import { ORDER } from "./list.server";\nexport const o = ORDER;\n');
      write("routes/agreements.tsx", 'import { ORDER } from "~/agreements/list.server";\nexport const loader = () => ORDER;\n');
      expect(checkArchitecture(app).serverInBrowser).toEqual([
        { from: "app/agreements/components/Table.tsx", to: "app/agreements/list.server.ts" },
      ]);
    });

    it("finds the database layer reaching up into HTTP, and a feature into routes", () => {
      write("http/responses.server.ts", "export const ok = 1;\n");
      write("db/scope.server.ts", 'import { ok } from "~/http/responses.server";\nexport const scope = ok;\n');
      write("routes/page.tsx", "export const page = 1;\n");
      write("agreements/agreements.server.ts", 'import { page } from "../routes/page";\nexport const x = page;\n');
      expect(checkArchitecture(app).layerViolations).toEqual([
        { from: "app/agreements/agreements.server.ts", to: "app/routes/page.tsx" },
        { from: "app/db/scope.server.ts", to: "app/http/responses.server.ts" },
      ]);
    });
  });
});
