// Errors that mean "the database is not there" (refused, dropped, shutting
// down, pool exhausted) rather than "this query is wrong": they earn a 503.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now.
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection (is )?closed|terminating connection|Can't reach database|the database system is (starting up|shutting down|in recovery mode)|ECONNREFUSED|Client has encountered a connection error|Unable to start a transaction in the given time/i;

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const code = fieldOf(error, "code");
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
    return true;
  }
  const kind = fieldOf(error, "kind");
  if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
  const originalCode = fieldOf(error, "originalCode");
  if (typeof originalCode === "string" && UNAVAILABLE_SQLSTATE.test(originalCode)) return true;
  const message = fieldOf(error, "message");
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  const adapterError = fieldOf(fieldOf(error, "meta"), "driverAdapterError");
  return [fieldOf(error, "cause"), adapterError].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
