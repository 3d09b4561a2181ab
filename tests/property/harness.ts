import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { inject } from "vitest";
import { setDatabase } from "~/db/db.server";
import * as apiListRoute from "~/routes/api.customers";
import { createRandom, insertCommercials, insertCustomer, insertEvents } from "../../prisma/factories";
import { signUp } from "../auth-helpers";
import { call, get } from "../http";
import { ownerPrisma } from "../setup/owner";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { arrangeAgreements, reviveActorAgreements, type AgreementPool } from "./agreements-world";
import { arrangeProjects, type ProjectIds } from "./project-arbitraries";
import { arrangeReceivables, type ReceivableIds } from "./receivable-arbitraries";
import { assertProperty, FULL_RUN, numRuns, SEED, timeoutFor, truncate } from "./config";
import { changedTables, takeSnapshot, type Snapshot } from "./snapshot";
import { DAY_MS } from "../support/db";

/**
 * The world every property runs in, and the one check every generated request
 * goes through.
 *
 * Three users, all signed up through the real signup action:
 * - A ("actor"): every generated request that carries a session carries A's.
 *   Nothing generated ever ends A's session, so a request with A's cookie must
 *   never be treated as signed out.
 * - B ("other"): owns customers (live, recently archived, archived beyond the
 *   restore window) with team members, events, agreements, invoices, projects,
 *   artifacts and chat messages. Generated requests aim at B's ids all the
 *   time; B's rows must never change, and B's user id (never generated) must
 *   never appear in an answer. B's session is never used.
 * - C ("login target"): a known password, so that generated logins and
 *   password changes sometimes succeed; login, logout and password-change
 *   cases use C's sessions, never A's (a password change signs out every
 *   session of its user), and a changed password is put back afterwards.
 * A's and B's agreements are described in agreements-world.ts.
 */

export interface CustomerPool {
  live: string[];
  archived: string[];
  expired: string[];
  members: string[];
}

export interface World {
  a: { id: string; email: string; cookie: string };
  b: { id: string; email: string };
  /** `passwordHash`: to put C's password back after a generated password change succeeded. */
  c: { id: string; email: string; password: string; passwordHash: string };
  aCustomers: CustomerPool;
  bCustomers: CustomerPool;
  agreements: AgreementPool;
  receivables: ReceivableIds;
  projects: ProjectIds;
}


async function userId(email: string): Promise<string> {
  const user = await ownerPrisma().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { id: true } });
  return user.id;
}

/** Arranged as the table owner, behind the app's back. */
async function customersFor(ownerId: string, seed: number, { children }: { children: boolean }): Promise<CustomerPool> {
  const db = ownerPrisma();
  const random = createRandom(seed);
  const pool: CustomerPool = { live: [], archived: [], expired: [], members: [] };
  const plan = [
    ["live", 0],
    ["live", 0],
    ["live", 0],
    ["live", 0],
    ["archived", 3],
    ["archived", 10],
    ["expired", 45],
  ] as const;
  for (const [state, daysAgo] of plan) {
    const members = [
      { id: crypto.randomUUID(), name: "Maya Okafor", role: "CTO", email: "maya@example.com", extra: "kept" },
      { id: crypto.randomUUID(), name: "Liam Hughes" },
    ];
    const customer = await insertCustomer(
      db,
      ownerId,
      {
        info: {
          about: "Set up by the property tests.",
          vertical: "Fintech",
          product: { name: "Thing", url: "https://thing.example" },
          custom_field: { nested: [1, "two", null] },
          team: members,
        },
      },
      random,
    );
    pool.members.push(...members.map((member) => member.id));
    await insertEvents(db, customer, 2, random);
    if (children) {
      await insertCommercials(db, customer, random);
      const project = await db.project.findFirstOrThrow({ where: { customerId: customer.id } });
      await db.artifact.create({ data: { projectId: project.id, userId: customer.userId, customerId: customer.id, title: "Spec" } });
      await db.chatMessage.create({ data: { userId: customer.userId, customerId: customer.id, role: "user", content: "Hello" } });
    }
    if (daysAgo > 0) {
      await db.customer.update({ where: { id: customer.id }, data: { deletedAt: new Date(Date.now() - daysAgo * DAY_MS) } });
    }
    pool[state].push(customer.id);
  }
  return pool;
}

export async function buildWorld(): Promise<World> {
  const a = await signUp({ name: "Actor A" });
  // B's password is random and never generated: no request can become B.
  const b = await signUp({ name: "Other B", password: randomBytes(24).toString("base64url") });
  const cPassword = "c-login-password";
  const c = await signUp({ name: "Login C", password: cPassword });
  const aId = await userId(a.email);
  const bId = await userId(b.email);
  const cId = await userId(c.email);
  const { hash } = await ownerPrisma().password.findUniqueOrThrow({ where: { userId: cId }, select: { hash: true } });
  const aCustomers = await customersFor(aId, 1, { children: false });
  const bCustomers = await customersFor(bId, 2, { children: true });
  return {
    a: { id: aId, email: a.email, cookie: a.cookie },
    b: { id: bId, email: b.email },
    c: { id: cId, email: c.email, password: cPassword, passwordHash: hash },
    aCustomers,
    bCustomers,
    agreements: await arrangeAgreements(aId, aCustomers.live, aCustomers.archived, bId),
    receivables: await arrangeReceivables(aId, aCustomers.live, bId),
    projects: await arrangeProjects(aId, aCustomers.live, bId),
  };
}

/**
 * Puts A's customers back as they were set up (live, archived, expired), and
 * their agreements, as the owner: generated deletes would otherwise leave A
 * nothing live to edit.
 */
export async function reviveActorCustomers(world: World): Promise<void> {
  const db = ownerPrisma();
  const { live, archived, expired } = world.aCustomers;
  await db.customer.updateMany({ where: { id: { in: live } }, data: { deletedAt: null } });
  await db.customer.updateMany({ where: { id: { in: archived } }, data: { deletedAt: new Date(Date.now() - 3 * DAY_MS) } });
  await db.customer.updateMany({ where: { id: { in: expired } }, data: { deletedAt: new Date(Date.now() - 45 * DAY_MS) } });
  await reviveActorAgreements(world.a.id, world.agreements);
}

// ------------------------------------------------------------ the check ----

export interface Totals {
  properties: number;
  cases: number;
  serverErrors: number;
  thrown: number;
  crossTenantWrites: number;
  crossTenantReads: number;
  changedOnRefusal: number;
  sessionLost: number;
  databaseReplaced: number;
  statuses: Map<number, number>;
}

export function newTotals(): Totals {
  return {
    properties: 0,
    cases: 0,
    serverErrors: 0,
    thrown: 0,
    crossTenantWrites: 0,
    crossTenantReads: 0,
    changedOnRefusal: 0,
    sessionLost: 0,
    databaseReplaced: 0,
    statuses: new Map(),
  };
}

export function summary(file: string, totals: Totals): string {
  const statuses = [...totals.statuses.entries()]
    .sort(([left], [right]) => left - right)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  return (
    `[${file}] property cases: ${totals.cases} (${totals.properties} properties, ${FULL_RUN ? "full" : "quick"} run, seed ${SEED}), ` +
    `5xx: ${totals.serverErrors + totals.thrown} (thrown: ${totals.thrown}), cross-tenant writes: ${totals.crossTenantWrites}, ` +
    `cross-tenant reads: ${totals.crossTenantReads}, DB changed on a refusal: ${totals.changedOnRefusal}, ` +
    `signed-in user treated as signed out: ${totals.sessionLost}, broken databases replaced: ${totals.databaseReplaced}` +
    ` — statuses: ${statuses}`
  );
}

export interface Exchange {
  /** Shown when the check fails: method, path, headers, a cut of the body. */
  describe: string;
  send: () => Promise<Response>;
  /** Arranges what the request needs (e.g. a session to log out) before the "before" snapshot. */
  prepare?: () => Promise<void>;
  /** Puts A's customers back in their initial states first (see reviveActorCustomers). */
  revive?: boolean;
  /** Undoes, behind the app's back, what a successful case must not leave for the next ones. */
  cleanUp?: (response: Response) => Promise<void>;
  /** The request carries a valid session (A's, or a fresh one of C's) to a protected route: it must not be answered as signed out. */
  signedIn?: boolean;
  /**
   * Tables a refused request of this kind may legitimately write, judged from
   * the answer. Only two: a 400 for a wrong password from /login or /account
   * (the current password) writes login_throttle — failed guesses are counted,
   * by design. Nothing else: no exclusion for sessions (a refused login or
   * sign-up does not touch them) nor for any other table.
   */
  mayWriteWhenRefused?: (response: Response, text: string) => readonly string[];
  /** Beyond 4xx, what else counts as a refusal (e.g. a redirect to /login). */
  isRefusal?: (response: Response) => boolean;
  /** A GET or HEAD: must not change anything at all, whatever it answers. */
  readOnly?: boolean;
  /**
   * More of B's that this answer must not contain, besides B's user id (e.g.
   * B's agreement ids, for an API that never echoes an id it was sent).
   */
  secrets?: readonly string[];
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const extra = error as Error & { code?: unknown; meta?: unknown };
  const details = [
    `${error.name}: ${truncate(error.message, 1500, { keepEnd: true })}`,
    extra.code !== undefined ? `code: ${String(extra.code)}` : "",
    extra.meta !== undefined ? `meta: ${truncate(JSON.stringify(extra.meta) ?? "", 800)}` : "",
    truncate(error.stack?.split("\n").slice(1, 8).join("\n") ?? "", 1200),
  ];
  return details.filter(Boolean).join("\n    ");
}

export class Checker {
  private last: Snapshot | null = null;
  constructor(
    private world: World,
    readonly totals: Totals,
  ) {}

  reset(world: World): void {
    this.world = world;
    this.last = null;
  }

  private async snapshot(): Promise<Snapshot> {
    return takeSnapshot(this.world.b.id, this.world.a.id);
  }

  /**
   * Sends one request and checks the properties:
   * 1. no 5xx, and no exception escaping the handler (`call` rethrows those);
   * 2. B's rows are byte-for-byte what they were, and no answer holds B's user id;
   * 3. a refused request (4xx, or a redirect to /login) leaves every table
   *    byte-for-byte unchanged; a GET or HEAD never changes anything;
   * and, besides: no shared prototype gets polluted; and, to catch a database
   * left broken by a case, A's session still exists and A is never answered as
   * signed out.
   * The snapshot after one case is the snapshot before the next.
   */
  async check(exchange: Exchange): Promise<Response> {
    if (exchange.revive) {
      this.last = null;
      await reviveActorCustomers(this.world);
    }
    if (exchange.prepare) {
      this.last = null;
      await exchange.prepare();
    }
    const before = this.last ?? (await this.snapshot());
    this.last = null; // until this case is known to have ended cleanly
    this.totals.cases += 1;
    let response: Response;
    try {
      response = await exchange.send();
    } catch (error) {
      this.totals.thrown += 1;
      throw new Error(`handler threw (a 500 in production)\n  request: ${exchange.describe}\n  error: ${describeError(error)}`);
    }
    const text = await response.text().catch((error: unknown) => `<unreadable body: ${String(error)}>`);
    this.totals.statuses.set(response.status, (this.totals.statuses.get(response.status) ?? 0) + 1);
    const context = `\n  request: ${exchange.describe}\n  response: ${response.status} ${truncate(text, 800)}`;

    let after: Snapshot;
    try {
      after = await this.snapshot();
    } catch (error) {
      throw new Error(`the database stopped answering after this request${context}\n  error: ${describeError(error)}`);
    }
    if (after.actorSessions < 1) {
      this.totals.sessionLost += 1;
      throw new Error(`A's session row is gone (or the database answers nonsense) after this request${context}`);
    }
    this.last = after;

    if (response.status >= 500) {
      this.totals.serverErrors += 1;
      throw new Error(`answered ${response.status}${context}`);
    }
    // "__proto__" and "constructor" keys arrive in bodies all the time: none may reach a shared prototype.
    const polluted = Object.keys(Object.prototype).concat(Object.keys(Array.prototype));
    if (polluted.length > 0) {
      throw new Error(`polluted a shared prototype with ${polluted.join(", ")}${context}`);
    }
    const crossTenant = changedTables(before.owned, after.owned);
    if (crossTenant.length > 0) {
      this.totals.crossTenantWrites += 1;
      throw new Error(`changed the other user's rows in ${crossTenant.join(", ")}${context}`);
    }
    // B's user id is never generated, so no answer has a reason to contain it.
    if ([this.world.b.id, ...(exchange.secrets ?? [])].some((secret) => text.includes(secret))) {
      this.totals.crossTenantReads += 1;
      throw new Error(`answered with the other user's data${context}`);
    }
    if (exchange.signedIn && (response.status === 401 || isLoginRedirect(response))) {
      this.totals.sessionLost += 1;
      throw new Error(`a valid session was answered as signed out (is the database still sane?)${context}`);
    }
    const refused = (response.status >= 400 && response.status < 500) || (exchange.isRefusal?.(response) ?? false);
    if (refused || exchange.readOnly) {
      const allowed = refused && !exchange.readOnly ? (exchange.mayWriteWhenRefused?.(response, text) ?? []) : [];
      const changed = changedTables(before.tables, after.tables, allowed);
      if (changed.length > 0) {
        this.totals.changedOnRefusal += 1;
        throw new Error(`${exchange.readOnly ? "a read-only" : "a refused"} request changed ${changed.join(", ")}${context}`);
      }
    }
    if (exchange.cleanUp) {
      this.last = null;
      await exchange.cleanUp(response);
    }
    return response;
  }
}

/** A redirect to the login page: how protected pages refuse a request without a session. */
export function isLoginRedirect(response: Response): boolean {
  return response.status >= 300 && response.status < 400 && (response.headers.get("Location") ?? "").startsWith("/login");
}

// -------------------------------------------------------------- a suite ----

/** True when the app still serves A: a broken database fails this. */
async function appServesActor(world: World): Promise<boolean> {
  try {
    const response = await call(apiListRoute.loader, get("/api/customers?limit=1", { cookie: world.a.cookie }));
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * One test file's properties: the world, the checker, the totals line, and a
 * fresh database for the next property when a case has broken the current one
 * (so that one bug does not turn every later property into noise).
 */
export class PropertySuite {
  world!: World;
  checker!: Checker;
  readonly totals = newTotals();
  private readonly replacements: TestDatabase[] = [];

  constructor(private readonly file: string) {
    beforeAll(async () => {
      this.world = await buildWorld();
      this.checker = new Checker(this.world, this.totals);
      console.log(
        `[${file}] fast-check seed ${SEED} (${FULL_RUN ? "full" : "quick"} run); replay with FC_SEED=${SEED}`,
      );
    });
    beforeEach(async () => {
      if (await appServesActor(this.world)) {
        await reviveActorCustomers(this.world);
        this.checker.reset(this.world);
        return;
      }
      console.warn(`[${file}] the database no longer serves a signed-in user: a previous case broke it; using a fresh one`);
      this.totals.databaseReplaced += 1;
      const replacement = await createTestDatabase(inject("databaseTemplates").migrated);
      this.replacements.push(replacement);
      setDatabase(replacement.database);
      this.world = await buildWorld();
      this.checker.reset(this.world);
    });
    afterAll(async () => {
      console.log(summary(file, this.totals));
      // The setup file disposes the database it made; these are ours.
      if (this.replacements.length > 0) {
        setDatabase(undefined);
        for (const replacement of this.replacements) await replacement.dispose().catch(() => undefined);
      }
    });
  }

  /**
   * A vitest test that runs one property: `arbitrary` is built when the test
   * runs, from the world of that moment (ids, members).
   */
  property<T>(
    name: string,
    runs: { quick: number; full: number },
    arbitrary: (world: World) => fc.Arbitrary<T>,
    predicate: (value: T, world: World) => Promise<void>,
    msPerCase?: number,
  ): void {
    const count = numRuns(runs);
    it(
      name,
      async () => {
        this.totals.properties += 1;
        const world = this.world;
        const cases = this.totals.cases;
        const statuses = new Map(this.totals.statuses);
        const started = Date.now();
        try {
          await assertProperty(name, fc.asyncProperty(arbitrary(world), (value) => predicate(value, world)), count);
        } finally {
          const seen = [...this.totals.statuses.entries()]
            .map(([status, total]): [number, number] => [status, total - (statuses.get(status) ?? 0)])
            .filter(([, delta]) => delta > 0)
            .sort(([left], [right]) => left - right)
            .map(([status, delta]) => `${status}×${delta}`)
            .join(" ");
          console.log(`[${this.file}] ${name}: ${this.totals.cases - cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s — ${seen}`);
        }
      },
      timeoutFor(count, msPerCase),
    );
  }
}
