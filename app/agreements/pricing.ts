import { formatMoney } from "~/utils/format";
import { BILLING_PERIODS, type AgreementType, type BillingPeriod } from "./constants";

/**
 * An agreement's pricing in words ("€1,500.00 / month, 10 h included"), and
 * the flat form fields it fills. Pure and browser-safe. `pricing` is read
 * defensively: it is JSON from the database, and rows written before the
 * per-type rules existed may lack a field or carry another type's.
 */

type PricingRecord = Record<string, unknown>;

function record(pricing: unknown): PricingRecord {
  return pricing && typeof pricing === "object" && !Array.isArray(pricing) ? (pricing as PricingRecord) : {};
}

/** A decimal as stored (a string) or as an older row may hold it (a number); null otherwise. */
function decimal(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function period(value: unknown): BillingPeriod | null {
  return typeof value === "string" && (BILLING_PERIODS as readonly string[]).includes(value) ? (value as BillingPeriod) : null;
}

const hoursFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** "10 h", "7.5 h"; null when missing or zero (no hours included, no cap: nothing to say). */
function hours(value: unknown): string | null {
  const amount = decimal(value);
  if (amount === null || !/^\d+(\.\d+)?$/.test(amount) || Number(amount) === 0) return null;
  return `${hoursFormat.format(Number(amount))} h`;
}

/**
 * "€1,500.00 / month, 10 h included", "€12,000.00 fixed fee",
 * "€95.00 / hour, up to 40 h", "Other: <note>"; "Pricing not set" when the
 * type's amount or rate is missing.
 */
export function describePricing(type: AgreementType, pricing: unknown, currency: string): string {
  const fields = record(pricing);
  switch (type) {
    case "retainer": {
      const amount = decimal(fields.amount);
      if (amount === null) return "Pricing not set";
      const every = period(fields.period);
      const included = hours(fields.hours_included);
      return `${formatMoney(amount, currency)}${every ? ` / ${every}` : ""}${included ? `, ${included} included` : ""}`;
    }
    case "fixed_fee": {
      const amount = decimal(fields.amount);
      return amount === null ? "Pricing not set" : `${formatMoney(amount, currency)} fixed fee`;
    }
    case "hourly": {
      const rate = decimal(fields.rate);
      if (rate === null) return "Pricing not set";
      const cap = hours(fields.hours_cap);
      return `${formatMoney(rate, currency)} / hour${cap ? `, up to ${cap}` : ""}`;
    }
    case "other": {
      const note = text(fields.note);
      return note ? `Other: ${note}` : "Other terms";
    }
  }
}

/** The agreement form's pricing fields (all text, as inputs hold them), filled from stored pricing. */
export interface PricingFormValues {
  amount?: string;
  period?: string;
  hoursIncluded?: string;
  rate?: string;
  hoursCap?: string;
  note?: string;
}

export function pricingFormValues(pricing: unknown): PricingFormValues {
  const fields = record(pricing);
  const values: PricingFormValues = {
    amount: decimal(fields.amount) ?? undefined,
    period: period(fields.period) ?? undefined,
    hoursIncluded: decimal(fields.hours_included) ?? undefined,
    rate: decimal(fields.rate) ?? undefined,
    hoursCap: decimal(fields.hours_cap) ?? undefined,
    note: text(fields.note) ?? undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
