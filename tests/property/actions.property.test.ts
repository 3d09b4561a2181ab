import fc from "fast-check";
import { EVENT_TYPES } from "~/customers/constants";
import * as root from "~/root";
import * as accountRoute from "~/routes/account";
import * as splatPage from "~/routes/$";
import * as homeRoute from "~/routes/_index";
import * as layoutRoute from "~/routes/customers";
import * as detailRoute from "~/routes/customers.$id";
import * as detailIndexRoute from "~/routes/customers.$id._index";
import * as agreementsRoute from "~/routes/customers.$id.agreements";
import * as overviewRoute from "~/routes/customers.$id.overview";
import * as projectsRoute from "~/routes/customers.$id.projects";
import * as receivablesRoute from "~/routes/customers.$id.receivables";
import * as receivablesAcrossRoute from "~/routes/receivables";
import * as indexRoute from "~/routes/customers._index";
import * as archivedRoute from "~/routes/customers.archived";
import * as newRoute from "~/routes/customers.new";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as signupRoute from "~/routes/signup";
import { BASE_URL, call } from "../http";
import { ownerPrisma } from "../setup/owner";
import {
  buildHeaders,
  customerId,
  customerName,
  describeHeaders,
  headerChoices,
  headerSafe,
  hostileString,
  listQuery,
  memberId,
  queryString,
  statusValue,
  wellFormed,
} from "./arbitraries";
import { form, formCase, formText, idPath, intentOf, postForm, validish, type FormCase, type FormSession, type Handler, type PostOptions } from "./forms";
import { PropertySuite, type World } from "./harness";

/**
 * Every page action (the forms of the app, which work without JavaScript)
 * under generated form posts — known fields with hostile values, unknown and
 * repeated fields, huge and odd text, any customer id (B's above all) — and
 * every page loader under generated URLs. Same checks as the API (see
 * harness.ts): no 5xx, B untouched, a refused request changes nothing.
 */

const suite = new PropertySuite("pages");

function post(handler: Handler, path: string, value: FormCase, options: PostOptions = {}): Promise<Response> {
  return postForm(suite, handler, path, value, options);
}

// ------------------------------------------------------------- create ----

const CREATE_ROUTES: Array<{ handler: Handler; path: string }> = [
  { handler: indexRoute.action, path: "/customers?index" },
  { handler: layoutRoute.action, path: "/customers" },
  { handler: newRoute.action, path: "/customers/new" },
];

const createForm = form(intentOf(["create"]), { name: validish(customerName), status: validish(statusValue) }, ["name"]);

suite.property(
  "POST /customers, /customers?index, /customers/new (intent=create) with generated forms",
  { quick: 80, full: 700 },
  () => fc.tuple(fc.constantFrom(...CREATE_ROUTES), formCase(createForm)),
  async ([route, value]) => {
    await post(route.handler, route.path, value);
  },
);

// -------------------------------------------------------------- detail ----

/** "@self" becomes the customer's own path: the only redirect target the action keeps. */
const redirectTo = fc.oneof(
  fc.constantFrom("@self/agreements", "@self/projects?x=1", "@self/../../evil", "/customers", "/customers/archived", "//evil.example/x", "/\\evil.example", "https://evil.example/", "/customers/\u0000", "@self/overview#x"),
  hostileString,
);

function detailForm(world: World) {
  return fc.oneof(
    form(intentOf(["status"]), { status: validish(statusValue), redirectTo }),
    form(intentOf(["delete"]), {}),
    form(intentOf(["restore"]), {}),
    form(intentOf(["status", "delete", "restore"], 1), { status: statusValue, memberId: memberId(world) }),
  );
}

function withSelf(fields: Array<[string, string]>, self: string): Array<[string, string]> {
  return fields.map(([name, value]) => [name, value.replace(/^@self/, self)]);
}

suite.property(
  "POST /customers/:id (status, delete, restore) on anyone's id",
  { quick: 80, full: 800 },
  (world) => fc.tuple(customerId(world), formCase(detailForm(world))),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    const path = `/customers/${segment}`;
    await post(detailRoute.action, path, { ...value, fields: withSelf(value.fields, path) }, { params: { id: param } });
  },
);

// ------------------------------------------------------------ overview ----

const text = formText;
/** Addresses the app's email check accepts, and a few it must not. */
const plainEmail = fc.stringMatching(/^[a-z][a-z0-9.+_-]{0,20}[a-z0-9]$/).map((local) => `${local}@example.com`);
const url = validish(fc.oneof(fc.webUrl({ size: "small" }), fc.constantFrom("", "javascript:alert(1)", "ftp://x.example", "https://", "acme.example")));
const email = validish(
  fc.oneof(
    { weight: 6, arbitrary: plainEmail },
    { weight: 1, arbitrary: fc.emailAddress().filter((value) => value.length <= 254) },
    { weight: 1, arbitrary: fc.constantFrom("", "not-an-email", "a@b") },
  ),
);
const eventDate = validish(
  fc.oneof(
    fc.date({ min: new Date("1800-01-01T00:00:00Z"), max: new Date("2300-01-01T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 16)),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom("", "2099-01-02T10:30", "1900-01-01T00:00", "2200-12-31T23:59", "1899-12-31T23:59", "2024-02-30T10:00", "now", "0", "-1", "1e12"),
  ),
);
const participants = validish(
  fc.oneof(
    fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }).map((names) => names.join(",")),
    fc.constantFrom(",,,", " , ", Array.from({ length: 51 }, (_, index) => `P${index}`).join(","), `${"x".repeat(201)},y`),
  ),
);

function overviewForm(world: World) {
  const member = { name: validish(customerName), role: text(200), email, notes: text(5000) };
  return fc.oneof(
    form(intentOf(["update-info"]), {
      about: text(5000),
      vertical: text(200),
      persona: text(200),
      icp: text(5000),
      productName: text(200),
      productStage: text(200),
      productCategory: text(200),
      productDescription: text(5000),
      productUrl: url,
    }),
    form(intentOf(["add-team-member"]), member, ["name"]),
    form(intentOf(["update-team-member"]), { memberId: memberId(world), ...member }, ["memberId", "name"]),
    form(intentOf(["remove-team-member"]), { memberId: memberId(world) }, ["memberId"]),
    form(intentOf(["add-event"]), {
      eventType: validish(fc.constantFrom(...EVENT_TYPES, "status_change")),
      title: text(200),
      description: text(5000),
      participants,
      eventDate,
    }, ["title"]),
  );
}

suite.property(
  "POST /customers/:id/overview (info, team, events) on anyone's id",
  { quick: 100, full: 1000 },
  (world) => fc.tuple(customerId(world), formCase(overviewForm(world))),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await post(overviewRoute.action, `/customers/${segment}/overview`, value, { params: { id: param } });
  },
);

// ---------------------------------------------------------------- auth ----

/** Never A's session: a successful login revokes the session it arrives with. */
const authSession = fc.constantFrom<FormSession>("none", "none", "garbage", "unsigned", "fresh");

suite.property(
  "POST /login with generated credentials",
  { quick: 30, full: 300 },
  (world) => {
    const emails = [world.c.email, world.c.email.toUpperCase(), ` ${world.c.email} `, world.a.email, world.b.email];
    return fc.tuple(
      formCase(
        form(fc.constant(null), {
          email: validish(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...emails) }, { weight: 1, arbitrary: fc.emailAddress() })),
          password: validish(fc.oneof({ weight: 2, arbitrary: fc.constant(world.c.password) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) })),
          redirectTo,
        }, ["email", "password"]),
        { encodings: "mostlyBrowser" },
      ),
      authSession,
    );
  },
  async ([value, session]) => {
    await post(loginRoute.action, "/login", { ...value, session }, {
      protectedRoute: false,
      // A wrong password is counted, by design, even though the answer is a 400.
      mayWriteWhenRefused: (_response, text) => (text.includes("Invalid email or password") ? ["login_throttle"] : []),
    });
  },
  400,
);

suite.property(
  "POST /signup with generated accounts",
  { quick: 30, full: 300 },
  (world) => {
    const taken = [world.a.email, world.b.email.toUpperCase(), ` ${world.c.email}`];
    return fc.tuple(
      formCase(
        form(fc.constant(null), {
          name: validish(customerName),
          email: validish(
            fc.oneof(
              { weight: 4, arbitrary: plainEmail },
              { weight: 1, arbitrary: fc.emailAddress() },
              { weight: 1, arbitrary: fc.constantFrom(...taken) },
            ),
          ),
          password: validish(fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 8, maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom("short", "x".repeat(200), "x".repeat(201)) })),
        }, ["name", "email", "password"]),
        { encodings: "mostlyBrowser" },
      ),
      fc.constantFrom<FormSession>("none", "garbage", "actor"),
    );
  },
  async ([value, session]) => {
    await post(signupRoute.action, "/signup", { ...value, session }, { protectedRoute: false });
  },
  400,
);

suite.property(
  "POST /logout with any session but A's",
  { quick: 30, full: 300 },
  () => fc.tuple(formCase(form(fc.constant(null), {}), { encodings: "any" }), authSession),
  async ([value, session]) => {
    await post(logoutRoute.action, "/logout", { ...value, session }, { protectedRoute: false });
  },
);

suite.property(
  "POST /account (change-password) with generated passwords",
  { quick: 30, full: 300 },
  (world) =>
    fc.tuple(
      formCase(
        form(
          intentOf(["change-password"]),
          {
            currentPassword: validish(fc.oneof({ weight: 2, arbitrary: fc.constant(world.c.password) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) })),
            newPassword: validish(fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 8, maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom("short", world.c.password, "x".repeat(201)) })),
          },
          ["currentPassword", "newPassword"],
        ),
        { encodings: "mostlyBrowser" },
      ),
      // C's session (whose password the generator knows) or A's (whose it does not): a change signs out every session of its user.
      fc.constantFrom<FormSession>("fresh", "fresh", "actor", "none", "garbage"),
    ),
  async ([value, session], world) => {
    await post(accountRoute.action, "/account", { ...value, session }, {
      // A wrong current password is counted like a failed login, by design.
      mayWriteWhenRefused: (_response, text) => (text.includes("That is not your current password") ? ["login_throttle"] : []),
      cleanUp: async (response) => {
        if (response.status === 302 && response.headers.get("Location") === "/account") {
          await ownerPrisma().password.update({ where: { userId: world.c.id }, data: { hash: world.c.passwordHash } });
        }
      },
    });
  },
  400,
);

// ----------------------------------------------------- any encoding ----

const ACTIONS = [
  { name: "create", handler: indexRoute.action as Handler, path: () => "/customers?index", takesId: false },
  { name: "detail", handler: detailRoute.action as Handler, path: (segment: string) => `/customers/${segment}`, takesId: true },
  { name: "overview", handler: overviewRoute.action as Handler, path: (segment: string) => `/customers/${segment}/overview`, takesId: true },
];

suite.property(
  "every customer action with any body encoding, method and headers",
  { quick: 70, full: 600 },
  (world) =>
    fc.tuple(
      fc.constantFrom(...ACTIONS),
      customerId(world),
      formCase(fc.oneof(createForm, detailForm(world), overviewForm(world)), { encodings: "any" }),
    ),
  async ([action, id, value]) => {
    const { param, segment } = idPath(id);
    const path = action.path(segment);
    await post(action.handler, path, { ...value, fields: withSelf(value.fields, path) }, { params: action.takesId ? { id: param } : {} });
  },
);

// ------------------------------------------------------------- loaders ----

const PAGES: Array<{ name: string; loader: Handler; path: (segment: string) => string; takesId?: boolean; protectedRoute?: boolean }> = [
  { name: "list", loader: indexRoute.loader, path: () => "/customers" },
  { name: "archived", loader: archivedRoute.loader, path: () => "/customers/archived" },
  { name: "new", loader: newRoute.loader, path: () => "/customers/new" },
  { name: "account", loader: accountRoute.loader, path: () => "/account" },
  { name: "detail", loader: detailRoute.loader, path: (segment) => `/customers/${segment}`, takesId: true },
  { name: "detail index", loader: detailIndexRoute.loader, path: (segment) => `/customers/${segment}`, takesId: true },
  { name: "overview", loader: overviewRoute.loader, path: (segment) => `/customers/${segment}/overview`, takesId: true },
  { name: "agreements", loader: agreementsRoute.loader, path: (segment) => `/customers/${segment}/agreements`, takesId: true },
  { name: "receivables", loader: receivablesRoute.loader, path: (segment) => `/customers/${segment}/receivables`, takesId: true },
  { name: "projects", loader: projectsRoute.loader, path: (segment) => `/customers/${segment}/projects`, takesId: true },
  { name: "receivables across customers", loader: receivablesAcrossRoute.loader, path: () => "/receivables" },
  { name: "root", loader: root.loader, path: () => "/customers", protectedRoute: false },
  { name: "login", loader: loginRoute.loader, path: () => "/login", protectedRoute: false },
  { name: "signup", loader: signupRoute.loader, path: () => "/signup", protectedRoute: false },
  { name: "logout", loader: logoutRoute.loader as Handler, path: () => "/logout", protectedRoute: false },
  { name: "home", loader: homeRoute.loader, path: () => "/", protectedRoute: false },
  { name: "not found", loader: splatPage.loader as Handler, path: (segment) => `/${segment}`, protectedRoute: false },
];

suite.property(
  "GET every page with any query string, id and cookies (never writes)",
  { quick: 80, full: 800 },
  (world) =>
    fc.tuple(
      fc.constantFrom(...PAGES),
      customerId(world),
      fc.oneof(listQuery, fc.array(fc.tuple(fc.constantFrom("redirectTo", "edit", "member", "index", "_data"), hostileString), { maxLength: 2 })),
      headerChoices,
      fc.option(fc.oneof(hostileString, fc.constantFrom("eyJ0b2FzdCI6eyJraW5kIjoiZXJyb3IiLCJtZXNzYWdlIjoiPGI+In19")), { freq: 4 }),
      fc.constantFrom("GET", "HEAD"),
    ),
  async ([page, id, query, headersChoice, toast, method]) => {
    const { param, segment } = idPath(id);
    const path = `${page.path(segment)}${queryString(query)}`;
    const headers = buildHeaders(suite.world, headersChoice, undefined);
    if (toast !== null) headers.set("Cookie", [headers.get("Cookie"), `toast=${headerSafe(encodeURIComponent(wellFormed(toast)))}`].filter(Boolean).join("; "));
    const request = new Request(new URL(path, BASE_URL), { method, headers });
    await suite.checker.check({
      describe: `${method} ${path} (${page.name}) ${describeHeaders(headers)}`,
      send: () => call(page.loader, request, page.takesId ? { id: param } : {}),
      readOnly: true,
      signedIn: (page.protectedRoute ?? true) && headersChoice.session === "actor",
    });
  },
);
