import { Prisma } from "~/generated/prisma/client";
import { APP_ROLE, type Database } from "./connection.server";
import { getDatabase } from "./db.server";
import { isDatabaseUnavailable } from "./errors.server";
import { requestContext, type Db, type OpenTransaction, type RequestContext } from "./request-context.server";

/**
 * The only way the app reaches its data. Every piece of database work runs in
 * a transaction that runs as the app's role and, once the user is known,
 * carries their id in `app.user_id` for the row-level security policies.
 *
 * During an HTTP request (inRequestScope) all of it shares one transaction,
 * opened on first use and ended after the handler has produced its response:
 * committed unless the response is a 5xx. Outside a request (scripts, tests
 * calling domain functions) each call gets a transaction of its own.
 */

export type { Db };

const ROLLBACK = Symbol("rollback");
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

function begin(database: Database): Promise<OpenTransaction> {
  return new Promise((resolve, reject) => {
    let decide!: (commit: boolean) => void;
    const decision = new Promise<boolean>((settle) => (decide = settle));
    let opened = false;
    // Prisma's interactive transaction lives as long as its callback: the
    // callback hands its client out and waits for the decision.
    const settled = database.prisma.$transaction(async (client) => {
      if (database.switchesRolePerTransaction) await client.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
      opened = true;
      resolve({
        client,
        async end(commit) {
          decide(commit);
          try {
            await settled;
          } catch (error) {
            if (error !== ROLLBACK) throw error;
          }
        },
      });
      if (!(await decision)) throw ROLLBACK;
    }, TRANSACTION_OPTIONS);
    settled.catch((error: unknown) => {
      if (!opened) reject(error);
    });
  });
}

async function setUser(db: Db, userId: string): Promise<void> {
  await db.$executeRaw`SELECT set_config('app.user_id', ${userId}, true)`;
}

async function setArchivedVisible(db: Db, visible: boolean): Promise<void> {
  await db.$executeRawUnsafe(`SELECT set_config('app.archived', '${visible ? "on" : "off"}', true)`);
}

let savepointCounter = 0;

/** Runs `fn` so that if it fails, none of its writes stay, and the transaction stays usable. */
async function atomically<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  const name = `app_sp_${(savepointCounter = (savepointCounter + 1) % 1_000_000)}`;
  await db.$executeRawUnsafe(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await fn(db);
  } catch (error) {
    await db.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
    throw error;
  }
  await db.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
  return result;
}

export interface WorkOptions {
  /** All of the work or none of it (a savepoint inside the request's transaction). */
  atomic?: boolean;
  /** Lets the work see archived customers (the archive page, archive and restore). */
  archived?: boolean;
}

async function bindUser(context: RequestContext, db: Db, userId: string): Promise<void> {
  if (context.userId === undefined) {
    context.userId = userId;
    context.userBound = setUser(db, userId);
  } else if (context.userId !== userId) {
    throw new Error("A request's transaction acts for one user only");
  }
  await context.userBound;
}

async function inRequest<T>(context: RequestContext, userId: string | undefined, fn: (db: Db) => Promise<T>, options: WorkOptions): Promise<T> {
  try {
    context.transaction ??= begin(getDatabase());
    const { client } = await context.transaction;
    if (userId !== undefined) await bindUser(context, client, userId);
    if (options.archived) await setArchivedVisible(client, true);
    try {
      return options.atomic ? await atomically(client, fn) : await fn(client);
    } finally {
      if (options.archived) await setArchivedVisible(client, false);
    }
  } catch (error) {
    if (isDatabaseUnavailable(error)) context.databaseUnavailable = true;
    else if (!options.atomic && failedInDatabase(error)) context.aborted = true;
    throw error;
  }
}

/** An error PostgreSQL raised (which aborts the transaction), not one Prisma made up itself. */
function failedInDatabase(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code !== "P2025";
  return error instanceof Prisma.PrismaClientUnknownRequestError || (error instanceof Error && error.name === "DriverAdapterError");
}

async function standalone<T>(userId: string | undefined, fn: (db: Db) => Promise<T>, options: WorkOptions): Promise<T> {
  const transaction = await begin(getDatabase());
  try {
    if (userId !== undefined) await setUser(transaction.client, userId);
    if (options.archived) await setArchivedVisible(transaction.client, true);
    const result = await fn(transaction.client);
    await transaction.end(true);
    return result;
  } catch (error) {
    await transaction.end(false).catch(() => undefined);
    throw error;
  }
}

function run<T>(userId: string | undefined, fn: (db: Db) => Promise<T>, options: WorkOptions = {}): Promise<T> {
  const context = requestContext.getStore();
  return context ? inRequest(context, userId, fn, options) : standalone(userId, fn, options);
}

/** Database work for the signed-in user: row-level security sees `userId`. */
export function asUser<T>(userId: string, fn: (db: Db) => Promise<T>, options?: WorkOptions): Promise<T> {
  return run(userId, fn, options);
}

/**
 * Database work for the user in a transaction of its own, apart from the
 * request's: for a response body streamed in batches after the handler has
 * answered and the request's transaction has ended (a long download should
 * not hold one transaction open at the pace of a slow client).
 */
export function asUserApart<T>(userId: string, fn: (db: Db) => Promise<T>): Promise<T> {
  return requestContext.exit(() => standalone(userId, fn, {}));
}

/** Database work before anyone is signed in (sign-up, login, session lookup). */
export function anonymously<T>(fn: (db: Db) => Promise<T>, options?: WorkOptions): Promise<T> {
  return run(undefined, fn, options);
}

/**
 * Records that the request's transaction already carries `userId` (the session
 * lookup sets app.user_id in the same statement that finds the session).
 */
export function userAlreadyBound(userId: string): void {
  const context = requestContext.getStore();
  if (context && context.userId === undefined) {
    context.userId = userId;
    context.userBound = Promise.resolve();
  }
}

/**
 * Computes `key` once per HTTP request: Remix hands each loader its own copy
 * of the Request, so only the request's scope can tell they are one request.
 * Outside a request, computes afresh.
 */
export function requestMemo<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const context = requestContext.getStore();
  if (!context) return compute();
  let value = context.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    context.memo.set(key, value);
  }
  return value;
}

/** The SQL that both finds a session's user and binds the transaction to them. */
export const BIND_USER_SQL = "set_config('app.user_id', u.id::text, true)";

async function endTransaction(context: RequestContext, commit: boolean): Promise<void> {
  const transaction = await context.transaction?.catch(() => undefined);
  await transaction?.end(commit);
}

/** How a request's database work ended; the HTTP layer turns it into a response. */
export type RequestScopeOutcome<T> =
  /** Committed, or rolled back because `shouldCommit` said so. */
  | { kind: "done"; value: T; roundTrips: number }
  /** The handler answered, but a statement had failed outside a savepoint: nothing was saved. */
  | { kind: "aborted"; value: T; roundTrips: number }
  /** The database could not be reached. */
  | { kind: "unavailable" };

/**
 * Runs one HTTP request's work with its database scope, then commits (unless
 * `shouldCommit` refuses, e.g. for a 5xx) or rolls back, before the caller
 * answers.
 */
export async function inRequestScope<T>(work: () => Promise<T>, shouldCommit: (value: T) => boolean): Promise<RequestScopeOutcome<T>> {
  const context: RequestContext = { memo: new Map(), roundTrips: 0, databaseUnavailable: false };
  let value: T;
  try {
    value = await requestContext.run(context, work);
  } catch (error) {
    await endTransaction(context, false).catch(() => undefined);
    if (context.databaseUnavailable || isDatabaseUnavailable(error)) return { kind: "unavailable" };
    throw error;
  }
  try {
    await endTransaction(context, shouldCommit(value) && !context.databaseUnavailable && !context.aborted);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    context.databaseUnavailable = true;
  }
  if (context.databaseUnavailable) return { kind: "unavailable" };
  return { kind: context.aborted ? "aborted" : "done", value, roundTrips: context.roundTrips };
}
