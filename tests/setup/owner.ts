import type { PrismaClient } from "~/generated/prisma/client";
import { getDatabase } from "~/db/db.server";

/**
 * The table owner's client, for tests that arrange or inspect data behind the
 * app's back (other users' rows, archived rows, raw counts). Row-level
 * security does not apply to it, so never use it to prove isolation.
 */
export function ownerPrisma(): PrismaClient {
  return getDatabase().owner;
}
