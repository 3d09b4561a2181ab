import { vi } from "vitest";

/**
 * Everything the server writes to its error output while a test runs:
 * console.error and console.warn, and direct writes to stderr. The server of
 * tests/support/app-server.ts runs in the test's process, so this is its log.
 */
export function captureServerLogs() {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? String(arg)) : String(arg))).join(" "));
  };
  const spies = [
    vi.spyOn(console, "error").mockImplementation(record),
    vi.spyOn(console, "warn").mockImplementation(record),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      record(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }),
  ];
  return {
    text: () => lines.join("\n"),
    clear: () => void lines.splice(0),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** A stack trace: a line that starts with "at " after an error's message. */
export const STACK_TRACE = /\n\s+at\s/;
