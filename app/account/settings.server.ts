import type { AccountSettings } from "~/auth/session.server";
import { asUser } from "~/db/scope.server";

/**
 * Account settings: stored on the user, read with the session (so every page
 * has them for free), changed here. The database is the judge of a time zone
 * (a CHECK refuses a name PostgreSQL cannot use); the JS runtime must know it
 * too, since it formats dates in it.
 */

let timeZones: string[] | undefined;
let currencies: string[] | undefined;

/** The zones a user can pick: every IANA zone the runtime knows, UTC first. */
export function timeZoneChoices(): string[] {
  timeZones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return timeZones;
}

/** The ISO 4217 codes the runtime can format. */
export function currencyChoices(): string[] {
  currencies ??= Intl.supportedValuesOf("currency");
  return currencies;
}

function runtimeKnowsZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type SettingsIssues = Partial<Record<keyof AccountSettings, string[]>>;

function isUnknownZone(error: unknown): boolean {
  return error instanceof Error && /time zone|users_time_zone_check/i.test(error.message);
}

/** Saves the settings, or says which field is not acceptable. */
export async function updateAccountSettings(
  userId: string,
  settings: AccountSettings,
): Promise<{ ok: true } | { ok: false; issues: SettingsIssues }> {
  const issues: SettingsIssues = {};
  if (!runtimeKnowsZone(settings.timeZone)) issues.timeZone = ["Choose a time zone from the list"];
  if (!currencyChoices().includes(settings.currency)) issues.currency = ["Choose a currency from the list"];
  if (Object.keys(issues).length) return { ok: false, issues };
  try {
    await asUser(
      userId,
      (db) => db.$executeRaw`
        UPDATE users SET time_zone = ${settings.timeZone}, currency = ${settings.currency},
               payment_terms_days = ${settings.paymentTermsDays}, updated_at = now()
         WHERE id = ${userId}::uuid`,
      // A zone the database refuses must not poison the request's transaction.
      { atomic: true },
    );
  } catch (error) {
    if (isUnknownZone(error)) return { ok: false, issues: { timeZone: ["Choose a time zone from the list"] } };
    throw error;
  }
  return { ok: true };
}
