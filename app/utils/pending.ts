import { useLocation, useNavigation, type Navigation } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";

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

/**
 * One submission at a time from a form, and word of how it ended. Call the
 * returned handler from the form's submit, once the submission is sure to go
 * (after the form's own validation). A second submit before the page has
 * moved on is dropped: the button's disabled state (StatusButton) says the
 * same, but React renders it in a transition, and a quick double click or a
 * second Enter lands first — with the first request already at the server.
 * When the page moves on (every submission that completes, saved or refused,
 * lands on a new location), `onSaved` runs unless the form got `lastResult`
 * back, a refusal to show. For forms that navigate (every form here), not
 * fetchers: a fetcher leaves the location as it is.
 */
export function useSubmissionGuard({ lastResult, onSaved }: { lastResult?: unknown; onSaved?: () => void } = {}) {
  const { key } = useLocation();
  const sentFrom = useRef<string | null>(null);
  const latestOnSaved = useRef(onSaved);
  useEffect(() => {
    latestOnSaved.current = onSaved;
  });
  const refused = lastResult !== undefined && lastResult !== null;
  useEffect(() => {
    if (sentFrom.current === null || sentFrom.current === key) return;
    sentFrom.current = null;
    if (!refused) latestOnSaved.current?.();
  }, [key, refused]);
  return (event: FormEvent) => {
    if (sentFrom.current === key) {
      event.preventDefault();
      return;
    }
    sentFrom.current = key;
  };
}
