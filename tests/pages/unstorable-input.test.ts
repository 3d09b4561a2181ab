import * as accountRoute from "~/routes/account";
import * as agreementsRoute from "~/routes/customers.$id.agreements";
import * as overviewRoute from "~/routes/customers.$id.overview";
import * as newRoute from "~/routes/customers.new";
import * as loginRoute from "~/routes/login";
import * as signupRoute from "~/routes/signup";
import { insertCustomer } from "../../prisma/factories";
import { signedUpUser, signUp } from "../auth-helpers";
import { BASE_URL, call, postForm } from "../http";
import { ownerPrisma as prisma } from "../setup/owner";

// Text a page form cannot keep — a NUL, bytes that are not UTF-8, nothing
// visible — is an error on the field that holds it: the page comes back (400)
// with the rest of what was typed, and nothing is stored. Controls that would
// reorder the page are taken out (docs/decisions/0011-visible-text.md).

let me: { id: string; cookie: string };
let customerId: string;

beforeAll(async () => {
  me = await signedUpUser();
});

beforeEach(async () => {
  customerId = (await insertCustomer(prisma(), me.id, { name: "Acme Corp", status: "live", info: {} })).id;
});

interface Reply {
  status?: string;
  error?: Record<string, string[] | null>;
  initialValue?: Record<string, unknown>;
}

/** The submission a refused form answers with: the action's own 400, not a thrown error page. */
async function refused(response: Response): Promise<Reply> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as Reply & { result?: Reply };
  const reply = body.result ?? body;
  expect(reply.error, "a submission with field errors").toBeDefined();
  return reply;
}

/** A urlencoded form whose body is given byte for byte (a browser only ever sends UTF-8). */
function postBytes(path: string, parts: Array<string | number[]>, cookie?: string): Request {
  const encoder = new TextEncoder();
  const chunks = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : Uint8Array.from(part)));
  const body = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  const headers = new Headers({ Origin: BASE_URL, "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(path, BASE_URL), { method: "POST", headers, body });
}

const createCustomer = (fields: Record<string, string>) => call(newRoute.action, postForm("/customers/new", { intent: "create", ...fields }, { cookie: me.cookie }));
const overview = (fields: Record<string, string | string[]>) =>
  call(overviewRoute.action, postForm(`/customers/${customerId}/overview`, fields, { cookie: me.cookie }), { id: customerId });
const agreements = (fields: Record<string, string>) =>
  call(agreementsRoute.action, postForm(`/customers/${customerId}/agreements`, fields, { cookie: me.cookie }), { id: customerId });

const customerCount = () => prisma().customer.count({ where: { userId: me.id } });

describe("a new customer's name", () => {
  it("with a NUL: a field error, the status kept, nothing created", async () => {
    const before = await customerCount();
    const reply = await refused(await createCustomer({ name: "Acme\u0000Corp", status: "negotiation" }));
    expect(reply.error).toEqual({ name: ["Name contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ status: "negotiation" });
    expect(await customerCount()).toBe(before);
  });

  it.each([
    ["percent-encoded", ["intent=create&status=prospect&name=Caf%C3%A9%FF"]],
    ["raw", ["intent=create&status=prospect&name=Caf", [0xc3, 0xa9, 0xc3], "&x=1"]],
    ["an encoded surrogate (CESU-8)", ["intent=create&status=prospect&name=%ED%A0%80"]],
  ])("with bytes that are not UTF-8 (%s): a field error, the status kept, nothing created", async (_how, parts) => {
    const before = await customerCount();
    const reply = await refused(await call(newRoute.action, postBytes("/customers/new", parts as Array<string | number[]>, me.cookie)));
    expect(reply.error).toEqual({ name: ["Name contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ status: "prospect" });
    expect(await customerCount()).toBe(before);
  });

  it.each([
    ["zero-width spaces", "\u200B\u200B"],
    ["a right-to-left mark", "\u200F"],
    ["a Hangul filler", "\u3164"],
  ])("of only %s: refused, since the card would have no title", async (_label, name) => {
    const reply = await refused(await createCustomer({ name, status: "lead" }));
    expect(reply.error).toEqual({ name: ["Name must contain a visible character"] });
  });

  it("loses the override that would reverse what follows it", async () => {
    const response = await createCustomer({ name: "Acme \u202Egpj.exe", status: "lead" });
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/")[2]!;
    expect((await prisma().customer.findUniqueOrThrow({ where: { id } })).name).toBe("Acme gpj.exe");
  });

  it("is created whatever a field no form has holds or is called: such fields are ignored", async () => {
    const response = await createCustomer({ name: "Ignoring Co", status: "lead", extra: "\u0000", "na\u0000me": "x" });
    expect(response.status).toBe(302);
    expect(await prisma().customer.count({ where: { userId: me.id, name: "Ignoring Co" } })).toBe(1);
  });

  it("keeps a field named with bytes that are not UTF-8 out of the form", async () => {
    const response = await call(newRoute.action, postBytes("/customers/new", ["intent=create&name=Odd+Names&%FF%00=1"], me.cookie));
    expect(response.status).toBe(302);
  });

  it("keeps a byte order mark a client sent inside a value, as the browser's own parser does", async () => {
    const response = await call(newRoute.action, postBytes("/customers/new", ["intent=create&name=", [0xef, 0xbb, 0xbf], "BOM+Co"], me.cookie));
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/")[2]!;
    // Trimmed away like any leading space (U+FEFF is white space to String#trim).
    expect((await prisma().customer.findUniqueOrThrow({ where: { id } })).name).toBe("BOM Co");
  });
});

describe("sign-up and login", () => {
  const email = "nul-signup@example.com";
  const users = () => prisma().user.count({ where: { email } });

  it("sign-up: a NUL in the name is a field error; the email is kept, the password is not echoed", async () => {
    const reply = await refused(await call(signupRoute.action, postForm("/signup", { name: "Ada\u0000", email, password: "long enough" })));
    expect(reply.error).toEqual({ name: ["Name contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ email });
    expect(reply.initialValue).not.toHaveProperty("password");
    expect(await users()).toBe(0);
  });

  it("sign-up: a name of bytes that are not UTF-8, or of nothing visible, is a field error", async () => {
    const notUtf8 = await refused(
      await call(signupRoute.action, postBytes("/signup", [`email=${encodeURIComponent(email)}&password=long+enough&name=Ada%C0%AF`])),
    );
    expect(notUtf8.error).toEqual({ name: ["Name contains characters that cannot be stored"] });
    const invisible = await refused(await call(signupRoute.action, postForm("/signup", { name: "\u200B", email, password: "long enough" })));
    expect(invisible.error).toEqual({ name: ["Name must contain a visible character"] });
    expect(await users()).toBe(0);
  });

  it("sign-up: a password that cannot be stored is a field error too", async () => {
    const reply = await refused(await call(signupRoute.action, postForm("/signup", { name: "Ada", email, password: "long\u0000enough" })));
    expect(reply.error).toEqual({ password: ["Password contains characters that cannot be stored"] });
    expect(await users()).toBe(0);
  });

  it("sign-up: the name is stored without direction overrides", async () => {
    const { email: signedUp } = await signUp({ name: "\u202EAda Lovelace" });
    expect((await prisma().user.findUniqueOrThrow({ where: { email: signedUp } })).name).toBe("Ada Lovelace");
  });

  it("login: a NUL is a field error on the field that holds it, with the email kept", async () => {
    const inEmail = await refused(await call(loginRoute.action, postForm("/login", { email: "a\u0000@example.com", password: "whatever it is" })));
    expect(Object.keys(inEmail.error!)).toEqual(["email"]);
    const inPassword = await refused(await call(loginRoute.action, postForm("/login", { email: "someone@example.com", password: "pass\u0000word" })));
    expect(inPassword.error).toEqual({ password: ["Password contains characters that cannot be stored"] });
    expect(inPassword.initialValue).toMatchObject({ email: "someone@example.com" });
  });
});

describe("account", () => {
  it("update-settings: a NUL in the time zone is an error on it; currency and terms are kept", async () => {
    const { email, cookie } = await signUp();
    const response = await call(
      accountRoute.action,
      postForm("/account", { intent: "update-settings", timeZone: "Europe/Paris\u0000", currency: "USD", paymentTermsDays: "45" }, { cookie }),
    );
    const reply = await refused(response);
    expect(Object.keys(reply.error!)).toEqual(["timeZone"]);
    expect(reply.initialValue).toMatchObject({ currency: "USD", paymentTermsDays: "45" });
    expect(await prisma().user.findUniqueOrThrow({ where: { email }, select: { timeZone: true } })).toEqual({ timeZone: "UTC" });
  });

  it("change-password: a NUL in the new password is an error on it", async () => {
    const { cookie, password } = await signUp();
    const reply = await refused(
      await call(accountRoute.action, postForm("/account", { intent: "change-password", currentPassword: password, newPassword: "new\u0000password" }, { cookie })),
    );
    expect(reply.error).toEqual({ newPassword: ["Password contains characters that cannot be stored"] });
  });
});

describe("the overview's forms", () => {
  const storedInfo = async () => (await prisma().customer.findUniqueOrThrow({ where: { id: customerId } })).info;

  it("update-info: an error on the field with a NUL, every other field kept", async () => {
    const reply = await refused(await overview({ intent: "update-info", about: "Makes\u0000things", vertical: "Fintech", productName: "Widget" }));
    expect(reply.error).toEqual({ about: ["About contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ vertical: "Fintech", productName: "Widget" });
    expect(await storedInfo()).toEqual({});
  });

  it("update-info: an invisible value is refused, an override is taken out", async () => {
    const reply = await refused(await overview({ intent: "update-info", persona: "\u2060", vertical: "Fintech" }));
    expect(reply.error).toEqual({ persona: ["Persona must contain a visible character"] });
    expect((await overview({ intent: "update-info", vertical: "Fin\u202Etech" })).status).toBe(302);
    expect(await storedInfo()).toMatchObject({ vertical: "Fintech" });
  });

  it("add-team-member: an error on the role, the name kept, nobody added", async () => {
    const reply = await refused(await overview({ intent: "add-team-member", name: "Maya Okafor", role: "C\u0000TO" }));
    expect(reply.error).toEqual({ role: ["Role contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ name: "Maya Okafor" });
    expect(await storedInfo()).toEqual({});
  });

  it("add-event: a NUL in the description, or a participant nobody can see, is an error on that field", async () => {
    const description = await refused(await overview({ intent: "add-event", title: "Kick-off", description: "Agenda\u0000" }));
    expect(description.error).toEqual({ description: ["Description contains characters that cannot be stored"] });
    expect(description.initialValue).toMatchObject({ title: "Kick-off" });
    const participants = await refused(await overview({ intent: "add-event", title: "Kick-off", participants: ["Ann", "\u200B", "Bob"] }));
    expect(participants.error).toEqual({ "participants[1]": ["A participant's name must contain a visible character"] });
    const nul = await refused(await overview({ intent: "add-event", title: "Kick-off", participants: ["Ann\u0000"] }));
    expect(nul.error).toEqual({ "participants[0]": ["A participant's name contains characters that cannot be stored"] });
    expect(await prisma().customerEvent.count({ where: { customerId } })).toBe(0);
  });

  it("add-event: title and participants are stored without direction overrides", async () => {
    expect((await overview({ intent: "add-event", title: "\u202EKick-off", participants: ["Ann\u2066", "Bob"] })).status).toBe(302);
    const event = await prisma().customerEvent.findFirstOrThrow({ where: { customerId } });
    expect({ title: event.title, participants: event.participants }).toEqual({ title: "Kick-off", participants: ["Ann", "Bob"] });
  });
});

describe("the agreement forms", () => {
  const retainer = { intent: "create-agreement", scope: "Design retainer", type: "retainer", amount: "1500", period: "month" };

  it("create-agreement: an error on the scope, the pricing kept, nothing created", async () => {
    const reply = await refused(await agreements({ ...retainer, scope: "Design\u0000retainer" }));
    expect(reply.error).toEqual({ scope: ["Scope contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ amount: "1500", period: "month" });
    expect(await prisma().agreement.count({ where: { customerId } })).toBe(0);
  });

  it("create-agreement: a scope of nothing visible is refused", async () => {
    const reply = await refused(await agreements({ ...retainer, scope: "\u200B\u200C" }));
    expect(reply.error).toEqual({ scope: ["Scope must contain a visible character"] });
  });

  it("terminate-agreement: an error on the reason, the date kept, the agreement untouched", async () => {
    expect((await agreements(retainer)).status).toBe(302);
    const agreement = await prisma().agreement.findFirstOrThrow({ where: { customerId } });
    const reply = await refused(await agreements({ intent: "terminate-agreement", agreementId: agreement.id, date: "2031-01-31", reason: "Budget\u0000" }));
    expect(reply.error).toEqual({ reason: ["Reason contains characters that cannot be stored"] });
    expect(reply.initialValue).toMatchObject({ date: "2031-01-31" });
    expect((await prisma().agreement.findUniqueOrThrow({ where: { id: agreement.id } })).terminatedOn).toBeNull();
  });
});
