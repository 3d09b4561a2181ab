import { anonymously } from "~/db/scope.server";
import { Prisma } from "~/generated/prisma/client";
import { burnVerificationTime, hashPassword, verifyPassword } from "./password.server";
import type { SignupInput } from "./schemas";
import type { SessionUser } from "./session.server";

const sessionUserSelect = { id: true, email: true, name: true } as const;

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
  constructor() {
    super("An account with this email already exists");
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createUser(input: SignupInput): Promise<SessionUser> {
  const hash = await hashPassword(input.password);
  try {
    return await anonymously(
      (db) =>
        db.user.create({
          data: { email: input.email, name: input.name, password: { create: { hash } } },
          select: sessionUserSelect,
        }),
      // A taken email must not poison the rest of the request's transaction.
      { atomic: true },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/**
 * Replaces the user's password if `currentPassword` is right; false (nothing
 * changed) otherwise. Callers revoke the user's sessions on success.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<boolean> {
  const stored = await anonymously((db) => db.password.findUnique({ where: { userId }, select: { hash: true } }));
  if (!stored || !(await verifyPassword(currentPassword, stored.hash))) return false;
  const hash = await hashPassword(newPassword);
  await anonymously((db) => db.password.update({ where: { userId }, data: { hash } }));
  return true;
}

/** The user for these credentials, or null; takes as long for a missing account. */
export async function verifyLogin(email: string, password: string): Promise<SessionUser | null> {
  const user = await anonymously((db) =>
    db.user.findUnique({
      where: { email },
      select: { ...sessionUserSelect, password: { select: { hash: true } } },
    }),
  );
  if (!user?.password) {
    await burnVerificationTime(password);
    return null;
  }
  if (!(await verifyPassword(password, user.password.hash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
