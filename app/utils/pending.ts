import { useNavigation, type Navigation } from "@remix-run/react";

/** What a navigation or a fetcher tells about the submission in flight. */
type Submitter = Pick<Navigation, "state" | "formData" | "formAction" | "formMethod">;

export interface PendingOptions {
  /** The submitted `intent` field to look for; any intent when omitted. */
  intent?: string;
  /** The submission's action URL, compared exactly (`/login`, `/customers/<id>`); any when omitted. */
  formAction?: string;
  /** The submission's method (case-insensitive); any when omitted. */
  formMethod?: string;
  /**
   * Which phase counts. "non-idle" (the default) covers the request and the
   * reload or redirect that follows it, so a button stays busy until the page
   * it leads to is there.
   */
  state?: "submitting" | "loading" | "non-idle";
  /** A fetcher whose submission counts as well as the page's navigation. */
  fetcher?: Submitter;
}

function submittedFormData(submitter: Submitter, { intent, formAction, formMethod, state = "non-idle" }: PendingOptions) {
  if (submitter.state === "idle" || !submitter.formData) return null;
  if (state !== "non-idle" && submitter.state !== state) return null;
  if (intent !== undefined && submitter.formData.get("intent") !== intent) return null;
  if (formAction !== undefined && submitter.formAction !== formAction) return null;
  if (formMethod !== undefined && submitter.formMethod?.toUpperCase() !== formMethod.toUpperCase()) return null;
  return submitter.formData;
}

/**
 * The form data of the submission in flight that matches `options` — from the
 * page's navigation, else from `options.fetcher` — or null. For when the
 * pending state depends on more than the intent (which row is being removed).
 */
export function usePendingFormData(options: PendingOptions = {}): FormData | null {
  const navigation = useNavigation();
  return submittedFormData(navigation, options) ?? (options.fetcher ? submittedFormData(options.fetcher, options) : null);
}

/** Whether a submission matching `options` (by intent, action, method) is in flight. */
export function useIsPending(options: PendingOptions = {}): boolean {
  return usePendingFormData(options) !== null;
}
