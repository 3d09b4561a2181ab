import * as signupRoute from "~/routes/signup";
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
