/**
 * Lengths every feature's text fields share. Zod-free, so pages that only show
 * data can import them without shipping a validator.
 */
export const FIELD_LIMITS = {
  shortText: 200,
  longText: 5000,
  url: 2048,
  email: 254,
} as const;
