// Checks a running build: /login answers 200, and a signup reaches /customers.
const base = process.argv[2];
const deadline = Date.now() + 90_000;

async function waitForServer() {
  for (;;) {
    try {
      const response = await fetch(`${base}/login`);
      if (response.status === 200) return;
      throw new Error(`GET /login answered ${response.status}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function fail(message) {
  console.error(`smoke: ${message}`);
  process.exit(1);
}

await waitForServer();
console.log("smoke: GET /login → 200");

const email = `smoke-${Date.now()}@example.com`;
const signup = await fetch(`${base}/signup`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
  body: new URLSearchParams({ name: "Smoke Test", email, password: "smoke-password" }),
});
if (signup.status !== 302 || signup.headers.get("location") !== "/customers") {
  fail(`signup answered ${signup.status} → ${signup.headers.get("location")}`);
}
const cookie = signup.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
// Production: the __Host- prefix, which browsers accept only with Secure and Path=/.
const sessionHeader = signup.headers.getSetCookie().find((value) => value.startsWith("__Host-session="));
if (!sessionHeader) fail("signup set no __Host-session cookie");
if (!/;\s*Secure/i.test(sessionHeader) || !/;\s*Path=\/(;|$)/i.test(sessionHeader) || /;\s*Domain=/i.test(sessionHeader)) {
  fail(`the session cookie lacks what __Host- requires: ${sessionHeader}`);
}

const page = await fetch(`${base}/customers`, { headers: { Cookie: cookie }, redirect: "manual" });
const html = await page.text();
if (page.status !== 200 || !html.includes("Customers")) fail(`GET /customers answered ${page.status}`);
console.log("smoke: POST /signup → 302 /customers → 200");
process.exit(0);
