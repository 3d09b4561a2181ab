import { z } from "zod";

/** The account settings form (DOMAIN.md "Account settings"). Browser-safe. */

export const PAYMENT_TERMS_MAX_DAYS = 365;

export const AccountSettingsSchema = z.object({
  timeZone: z
    .string({ required_error: "Choose a time zone" })
    .trim()
    .min(1, "Choose a time zone")
    .max(64, "Choose a time zone from the list"),
  currency: z
    .string({ required_error: "Choose a currency" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Choose a currency from the list"),
  paymentTermsDays: z.coerce
    .number({ invalid_type_error: "Payment terms must be a number of days" })
    .int("Payment terms must be a whole number of days")
    .min(0, "Payment terms cannot be negative")
    .max(PAYMENT_TERMS_MAX_DAYS, `Payment terms must be at most ${PAYMENT_TERMS_MAX_DAYS} days`),
});
export type AccountSettingsInput = z.output<typeof AccountSettingsSchema>;
