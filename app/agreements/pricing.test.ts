import { describe, expect, it } from "vitest";
import type { AgreementType } from "./constants";
import { describePricing, pricingFormValues } from "./pricing";

describe("describePricing", () => {
  it.each<[AgreementType, unknown, string, string]>([
    // Retainer: amount per period, hours included when there are some.
    ["retainer", { amount: "1500.00", period: "month", hours_included: 10 }, "EUR", "€1,500.00 / month, 10 h included"],
    ["retainer", { amount: "1500.00", period: "month" }, "EUR", "€1,500.00 / month"],
    ["retainer", { amount: "4500.00", period: "quarter", hours_included: 7.5 }, "EUR", "€4,500.00 / quarter, 7.5 h included"],
    ["retainer", { amount: "60000.00", period: "year", hours_included: 1200 }, "USD", "US$60,000.00 / year, 1,200 h included"],
    ["retainer", { amount: "1500.00", period: "month", hours_included: 0 }, "EUR", "€1,500.00 / month"],
    ["retainer", { amount: "1500.00", period: "fortnight" }, "EUR", "€1,500.00"],
    ["retainer", {}, "EUR", "Pricing not set"],
    // Fixed fee: the total.
    ["fixed_fee", { amount: "12000.00" }, "EUR", "€12,000.00 fixed fee"],
    ["fixed_fee", { amount: "12000.00" }, "GBP", "£12,000.00 fixed fee"],
    ["fixed_fee", { amount: 900 }, "EUR", "€900.00 fixed fee"],
    ["fixed_fee", { rate: "95.00" }, "EUR", "Pricing not set"],
    // Hourly: the rate, and the cap when there is one.
    ["hourly", { rate: "95.00", hours_cap: 40 }, "EUR", "€95.00 / hour, up to 40 h"],
    ["hourly", { rate: "95.00" }, "EUR", "€95.00 / hour"],
    ["hourly", { rate: "120.50", hours_cap: 12.25 }, "CHF", "CHF\u00a0120.50 / hour, up to 12.25 h"], // a no-break space after a code
    ["hourly", { amount: "95.00" }, "EUR", "Pricing not set"],
    // Other: the note, if any.
    ["other", { note: "Revenue share, 5% of net sales" }, "EUR", "Other: Revenue share, 5% of net sales"],
    ["other", { note: "   " }, "EUR", "Other terms"],
    ["other", {}, "EUR", "Other terms"],
    // Not an object at all (a row from before the rules).
    ["retainer", null, "EUR", "Pricing not set"],
    ["other", ["note"], "EUR", "Other terms"],
    // Amounts keep every digit (no float on the way).
    ["fixed_fee", { amount: "9999999999.99" }, "EUR", "€9,999,999,999.99 fixed fee"],
  ])("%s %j in %s reads %j", (type, pricing, currency, expected) => {
    expect(describePricing(type, pricing, currency)).toBe(expected);
  });
});

describe("pricingFormValues", () => {
  it.each<[unknown, Record<string, string>]>([
    [{ amount: "1500.00", period: "quarter", hours_included: 10 }, { amount: "1500.00", period: "quarter", hoursIncluded: "10" }],
    [{ rate: "95.00", hours_cap: 40.5 }, { rate: "95.00", hoursCap: "40.5" }],
    [{ note: "Barter" }, { note: "Barter" }],
    [{ period: "weekly", amount: "" }, {}],
    [null, {}],
  ])("%j fills %j", (pricing, expected) => {
    expect(pricingFormValues(pricing)).toEqual(expected);
  });
});
