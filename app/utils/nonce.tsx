import { createContext, useContext } from "react";

/**
 * The per-request CSP nonce. Set on the server around <RemixServer>; in the
 * browser it is empty (browsers hide nonces from the DOM after parsing).
 */
export const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
