import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "~/generated/prisma/client";

/** A transaction's client: everything the app does to the database goes through one. */
export type Db = Prisma.TransactionClient;

export interface OpenTransaction {
  client: Db;
  /** Commits (true) or rolls back (false), and hands the connection back. */
  end(commit: boolean): Promise<void>;
}

/** What one HTTP request's database work shares (see scope.server.ts). */
export interface RequestContext {
  /** The request's one transaction, opened on first use. */
  transaction?: Promise<OpenTransaction>;
  /** Whose transaction it is, once known, and when app.user_id holds it. */
  userId?: string;
  userBound?: Promise<unknown>;
  /** Results computed once per request, whichever loader asks first (see requestMemo). */
  memo: Map<string, Promise<unknown>>;
  /** Statements and transaction commands sent to the database, for the bench. */
  roundTrips: number;
  /**
   * Set when a statement failed outside a savepoint: PostgreSQL has aborted the
   * transaction and will answer its COMMIT with a silent rollback, so whatever
   * the handler answers, the request's writes are lost; it becomes a 500.
   */
  aborted?: boolean;
  /** Set when the database could not be reached: the response becomes a 503. */
  databaseUnavailable: boolean;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
