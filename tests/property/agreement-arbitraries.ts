import fc from "fast-check";
import { AGREEMENT_TYPES, BILLING_PERIODS } from "~/agreements/constants";
import { DAY_MS } from "../support/db";
import { field, hostileKey, hostileString } from "./arbitraries";
import type { World } from "./harness";

/**
 * Generators for the agreements API: ids (A's, B's, random, not ids), and
 * bodies that mostly pass validation — so that generated cases reach the
 * domain and its conflicts — mixed with every kind of value it must refuse.
 */

/** Agreement ids as the route's `$aid` param: A's (live and archived), B's (the point), random, and not ids at all. */
export function agreementId(world: World): fc.Arbitrary<string> {
  const { actorLive, actorArchived, other } = world.agreements;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...actorLive) },
    { weight: 1, arbitrary: fc.constantFrom(...actorArchived) },
    { weight: 6, arbitrary: fc.constantFrom(...other) },
    { weight: 1, arbitrary: fc.constantFrom(...actorLive, ...other).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...world.aCustomers.live, ...world.bCustomers.live) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", ".", "..", `${other[0]}/`, ` ${other[0]}`, `${other[0]}\u0000`, other[0]!.replace(/-/g, ""), `${other[0]}' OR '1'='1`, "null", "renew"),
    },
    { weight: 1, arbitrary: hostileString },
  );
}

/** A date near today (valid), cleared, or one of the edges and near misses of YYYY-MM-DD. */
export const dateValue: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -800, max: 800 }).map((offset) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "2028-02-29", "2027-02-29", "1900-01-01", "1899-12-31", "2200-12-31", "2201-01-01", "2026-13-01", "2026-00-10",
      "20260101", "2026-1-1", "2026-01-01T00:00:00Z", " 2026-01-01 ", "0000-00-00", "+002026-01-01", "today",
    ),
  },
);

/** Money as JSON number or text: valid amounts, and every way to get one wrong. */
export const moneyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 999_999_999 }).map((cents) => (cents / 100).toFixed(2)) },
  { weight: 2, arbitrary: fc.constantFrom("1500", "0.01", "9999999999.99", "1,500.50", " 7 ", 0.3, 2500.1) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("10.005", 10.005, -5, "-0.01", 0, "0.00", "12345678901", 12345678901, 1e21, 0.1 + 0.2, "1e3", "NaN", "", Number.MAX_VALUE),
  },
);

const hoursValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.constantFrom(0.29, 1.15, 12.5, "40", 1.234, -1, 100_001, "", null, true),
);

/** Pricing for some type: usually the right fields for one of them, sometimes the wrong type's or junk. */
export const pricingValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    { amount: field(moneyValue), period: field(fc.constantFrom(...BILLING_PERIODS, "week")), hours_included: field(hoursValue) },
    { requiredKeys: ["amount", "period"] },
  ),
  fc.record({ amount: field(moneyValue) }),
  fc.record({ rate: field(moneyValue), hours_cap: field(hoursValue) }, { requiredKeys: ["rate"] }),
  fc.record({ note: field(fc.oneof(fc.string({ maxLength: 40 }), fc.constant("n".repeat(1001)))) }, { requiredKeys: [] }),
  fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

const scopeValue = fc.oneof(
  fc.constantFrom("Monthly retainer", "  Trimmed  ", "s".repeat(500), "s".repeat(501), "", "   ", "Ünïcödé 🦄 scope"),
  fc.string({ minLength: 1, maxLength: 60 }),
);

/** Extra keys: mostly none; sometimes the read-only fields a client might try to set, or hostile names. */
const extraKeys: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom("override_status", "status", "renewal_of", "customer_id", "billed", "id", "user_id", "terminated_on"),
      fc.oneof(fc.constantFrom("terminated", "suspended", "active"), fc.uuid(), fc.constant(null)),
      { minKeys: 1, maxKeys: 2 },
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, hostileString, { minKeys: 1, maxKeys: 2 }) },
);

/** A valid date pair: each present or not, the end never before the start. */
const validDates = fc
  .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 800 }), fc.constantFrom("both", "start", "end", "none"))
  .map(([start, length, which]) => {
    const date = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
    return {
      ...(which === "both" || which === "start" ? { start_date: date(start) } : {}),
      ...(which === "both" || which === "end" ? { end_date: date(start + length) } : {}),
    };
  });

/** Pricing the given type accepts. */
function validPricing(type: (typeof AGREEMENT_TYPES)[number]): fc.Arbitrary<Record<string, unknown>> {
  const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 999_999_999 }).map((cents) => (cents / 100).toFixed(2)));
  const hours = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
  switch (type) {
    case "retainer":
      return fc.record({ amount, period: fc.constantFrom(...BILLING_PERIODS), hours_included: hours }, { requiredKeys: ["amount", "period"] });
    case "fixed_fee":
      return fc.record({ amount });
    case "hourly":
      return fc.record({ rate: amount, hours_cap: hours }, { requiredKeys: ["rate"] });
    case "other":
      return fc.record({ note: fc.string({ maxLength: 40 }) }, { requiredKeys: [] });
  }
}

/** A body the API accepts on create; as a PATCH, accepted when its dates fit the stored ones. */
export const validAgreementBody: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...AGREEMENT_TYPES)
  .chain((type) =>
    fc.tuple(
      fc.record({ scope: fc.oneof(fc.constantFrom("Monthly retainer", "Discovery"), fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== "")), type: fc.constant(type), notice_days: fc.integer({ min: 0, max: 365 }), pricing: validPricing(type) }, { requiredKeys: ["scope", "type", "pricing"] }),
      validDates,
    ),
  )
  .map(([body, dates]) => ({ ...body, ...dates }));

/** A valid PATCH: one or two fields that need nothing from the stored row. */
const validPatch: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ scope: fc.constantFrom("Renamed", "Phase 2") }),
  fc.record({ notice_days: fc.integer({ min: 0, max: 365 }) }),
  fc.constantFrom({ end_date: null }, { start_date: null }, { type: "other" }, {}),
  validAgreementBody.map(({ type, pricing }) => ({ type, pricing })),
);

/** A create (every field present or not, scope required for a valid one) or a PATCH (any subset). */
export function agreementBody({ scopeRequired }: { scopeRequired: boolean }): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { weight: 2, arbitrary: scopeRequired ? validAgreementBody : validPatch },
    { weight: 3, arbitrary: mixedAgreementBody({ scopeRequired }) },
  );
}

function mixedAgreementBody({ scopeRequired }: { scopeRequired: boolean }): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(
        {
          scope: field(scopeValue),
          type: field(fc.constantFrom(...AGREEMENT_TYPES, "fixed", "RETAINER")),
          start_date: field(dateValue),
          end_date: field(dateValue),
          notice_days: field(fc.oneof(fc.integer({ min: 0, max: 365 }), fc.constantFrom(-1, 366, 1.5, "30", 1e308))),
          pricing: field(pricingValue),
        },
        { requiredKeys: scopeRequired ? ["scope"] : [] },
      ),
      extraKeys,
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

/** The body of `terminate`: a date and a reason, each present or not; of the other actions: nothing, mostly. */
export function actionBody(action: string): fc.Arbitrary<Record<string, unknown>> {
  if (action !== "terminate") return extraKeys;
  return fc
    .tuple(
      fc.record({ date: field(dateValue), reason: field(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("", "   ", "r".repeat(1001)))) }, { requiredKeys: [] }),
      extraKeys,
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

export const LIFECYCLE_ACTIONS = ["terminate", "suspend", "resume", "renew"] as const;

/** Mostly the four actions, sometimes a name the route does not know. */
export const actionName: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...LIFECYCLE_ACTIONS) },
  { weight: 1, arbitrary: fc.constantFrom("delete", "archive", "__proto__", "constructor", "toString", "hasOwnProperty", "RENEW", "renew ", "") },
  { weight: 1, arbitrary: hostileString },
);
