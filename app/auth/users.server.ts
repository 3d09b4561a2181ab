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
