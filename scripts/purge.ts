// npm run db:purge — deletes, for good, customers archived more than 30 days
// ago (with everything under them). Idempotent: safe to run at any time.
import { openDatabase } from "~/db/connection.server";
import { setDatabase } from "~/db/db.server";
import { purgeExpired } from "~/customers/archive.server";
import { RESTORE_WINDOW_DAYS } from "~/customers/constants";
import { purgeExpiredSessions } from "~/auth/session.server";
import { purgeStaleLoginThrottles } from "~/auth/throttle.server";
import { env } from "~/utils/env.server";

const database = openDatabase(env());
setDatabase(database);
try {
  const customers = await purgeExpired();
  const sessions = await purgeExpiredSessions();
  const throttles = await purgeStaleLoginThrottles();
  console.log(
    `Purged ${customers} customer(s) archived over ${RESTORE_WINDOW_DAYS} days ago, ` +
      `${sessions} expired session(s) and ${throttles} stale login counter(s).`,
  );
} finally {
  await database.close();
}
process.exit(0);
