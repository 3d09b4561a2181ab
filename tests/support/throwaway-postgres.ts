import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The server binaries of the newest PostgreSQL installed the Debian way, if any. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** A TCP port nothing listens on at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * A PostgreSQL server of the test's own, in a temporary folder, that the test
 * can stop and start again (the shared server must never be stopped). initdb
 * refuses to run as root, so as root it runs as the `postgres` user.
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly bin: string,
    private readonly dataDir: string,
    readonly port: number,
    private readonly asUser: string[],
  ) {}

  static async create(): Promise<ThrowawayPostgres> {
    const bin = postgresBinaries();
    if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
    const root = mkdtempSync(path.join(os.tmpdir(), "customers-pg-"));
    const dataDir = path.join(root, "data");
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const { stdout } = await run("id", ["-u", "postgres"]);
      const { stdout: gid } = await run("id", ["-g", "postgres"]);
      chownSync(root, Number(stdout.trim()), Number(gid.trim()));
      chmodSync(root, 0o700);
    }
    const instance = new ThrowawayPostgres(bin, dataDir, await freePort(), asRoot ? ["runuser", "-u", "postgres", "--"] : []);
    await instance.exec("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    await instance.start();
    return instance;
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const [command, ...prefix] = [...this.asUser, path.join(this.bin, tool)];
    await run(command!, [...prefix, ...args], { timeout: 60_000 });
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${path.dirname(this.dataDir)} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.exec("pg_ctl", ["-D", this.dataDir, "-o", options, "-w", "-l", `${this.dataDir}.log`, "start"]);
  }

  async stop(): Promise<void> {
    await this.exec("pg_ctl", ["-D", this.dataDir, "-m", "fast", "-w", "stop"]);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(path.dirname(this.dataDir), { recursive: true, force: true });
  }
}
