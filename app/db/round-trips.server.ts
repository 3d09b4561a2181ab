import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { requestContext } from "./request-context.server";

// Each of these sends one message to the server and waits for its answer.
const COUNTED = new Set(["queryRaw", "executeRaw", "executeScript", "startTransaction", "commit", "rollback"]);

function counted<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || typeof property !== "string" || !COUNTED.has(property)) {
        return typeof value === "function" ? value.bind(object) : value;
      }
      return (...args: unknown[]) => {
        const context = requestContext.getStore();
        // Without phantom queries the COMMIT/ROLLBACK went out as executeRaw
        // already, and commit()/rollback() only hand the connection back.
        const sends =
          (property !== "commit" && property !== "rollback") ||
          (object as unknown as Transaction).options.usePhantomQuery;
        if (context && sends) context.roundTrips += 1;
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        // The transaction a startTransaction opens is counted the same way.
        return property === "startTransaction"
          ? (result as Promise<Transaction>).then((transaction) => counted(transaction))
          : result;
      };
    },
  });
}

/**
 * Wraps a driver adapter so that every round trip made while serving a request
 * is counted on that request (the bench reports it; see X-Sql-Round-Trips).
 */
export function countingAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(object, property, receiver) {
      if (property === "connect") {
        return async () => counted<SqlDriverAdapter>(await object.connect());
      }
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
