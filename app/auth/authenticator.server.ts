import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { LoginSchema } from "./schemas";
import type { SessionUser } from "./session.server";
import { verifyLogin } from "./users.server";

export class InvalidCredentialsError extends Error {
  override name = "InvalidCredentialsError";
  constructor() {
    super("Invalid email or password");
  }
}

/**
 * remix-auth 4 only verifies credentials; the session is ours (server-side,
 * see session.server.ts), committed by the login action.
 */
export const authenticator = new Authenticator<SessionUser>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const parsed = LoginSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new InvalidCredentialsError();
    const user = await verifyLogin(parsed.data.email, parsed.data.password);
    if (!user) throw new InvalidCredentialsError();
    return user;
  }),
  "form",
);
