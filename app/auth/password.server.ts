import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet):
// 19 MiB of memory, 2 iterations, 1 degree of parallelism.
const ARGON2ID = 2; // Algorithm.Argon2id; a const enum, which isolatedModules cannot import.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for logins whose email does not
 * exist: otherwise the response time tells which addresses have accounts.
 */
export async function burnVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
  await verifyPassword(password, await dummyHash);
}
