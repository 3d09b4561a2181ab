import { z } from "zod";
import { RECEIVABLE_FILTER_STATUSES, RECEIVABLE_TYPES } from "./constants";

/** `?type=&status=` of a receivables list (CONTRACT.md); the API answers 400 to anything else. */
export const ReceivablesQuerySchema = z.object({
  type: z.enum(RECEIVABLE_TYPES, { errorMap: () => ({ message: `Type must be one of: ${RECEIVABLE_TYPES.join(", ")}` }) }).optional(),
  status: z
    .enum(RECEIVABLE_FILTER_STATUSES, { errorMap: () => ({ message: `Status must be one of: ${RECEIVABLE_FILTER_STATUSES.join(", ")}` }) })
    .optional(),
});
