import * as signupRoute from "~/routes/signup";
import { ownerPrisma } from "./setup/owner";
import { call, postForm, sessionCookieFrom } from "./http";

let counter = 0;

/** Signs up a fresh user through the real signup action; returns their session cookie. */
export async function signUp(overrides: { name?: string; email?: string; password?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = overrides.password ?? "correct horse battery";
  const response = await call(signupRoute.action, postForm("/signup", { name: overrides.name ?? "Test User", email, password }));
  const cookie = sessionCookieFrom(response);
  if (response.status !== 302 || !cookie) throw new Error(`signup failed with ${response.status}`);
  return { email, password, cookie };
}

/** A signed-up user (through the real sign-up action) with their id and session cookie. */
export async function signedUpUser() {
  const { email, cookie } = await signUp();
  const user = await ownerPrisma().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { id: true } });
  return { id: user.id, cookie };
}
