import fc from "fast-check";
import { AGREEMENT_TYPES, BILLING_PERIODS } from "~/agreements/constants";
import { ARTIFACT_STATUSES, ARTIFACT_TYPES, PROJECT_STATUSES } from "~/projects/constants";
import * as agreementsRoute from "~/routes/customers.$id.agreements";
import * as projectsRoute from "~/routes/customers.$id.projects";
import * as projectRoute from "~/routes/customers.$id.projects_.$projectId";
import * as artifactRoute from "~/routes/customers.$id.projects_.$projectId_.artifacts.$artifactId";
import * as receivablesRoute from "~/routes/customers.$id.receivables";
import { BASE_URL, call } from "../http";
import { agreementId, dateValue, moneyValue } from "./agreement-arbitraries";
import { buildHeaders, customerId, describeHeaders, headerChoices, hostileString, hugeString, queryString } from "./arbitraries";
import { form, formCase, formText, idPath, intentOf, postForm, validish, type FormCase, type Handler } from "./forms";
import { PropertySuite, type World } from "./harness";
import { artifactId, otherProjectIds, projectId, reviveActorProjects, type RowPath } from "./project-arbitraries";
import { receivableId } from "./receivable-arbitraries";

/**
 * The customer tabs' forms under generated posts — the projects tab, a
 * project's page and an artifact's page, the agreements tab and the
 * receivables tab, every intent of each (and intents of the others, and
 * junk) — and the project and artifact pages' loaders under generated URLs.
 * The forms aim at A's rows (under their own customer, mostly, so that they
 * succeed; under another of A's customers too) and at B's, with hostile
 * values in every field. Same checks as every property (harness.ts): no 5xx,
 * B untouched, a refused request changes nothing, and no answer names one of
 * B's rows that the request did not name itself (a form's 400 echoes what
 * was posted, so an id the request carried may come back).
 */

const suite = new PropertySuite("tabs");

/** B's projects, artifacts, agreements and receivables. */
function otherIds(world: World): string[] {
  return [...otherProjectIds(world), ...world.receivables.other];
}

/** B's ids the request did not carry (in any case): none of them may be in the answer. */
function unsent(world: World, ...sent: string[]): string[] {
  const request = sent.join("\n").toLowerCase();
  return otherIds(world).filter((id) => !request.includes(id.toLowerCase()));
}

function post(handler: Handler, path: string, value: FormCase, params: Record<string, string>): Promise<Response> {
  const fields = value.fields.map(([name, field]) => `${name}=${field}`);
  return postForm(suite, handler, path, value, {
    params,
    revive: () => reviveActorProjects(suite.world),
    secrets: unsent(suite.world, path, ...fields),
  });
}

const ALL_INTENTS = [
  "create-project", "update-project", "project-status", "delete-project", "create-artifact", "update-artifact", "artifact-status",
  "delete-artifact", "create-agreement", "update-agreement", "terminate-agreement", "suspend-agreement", "resume-agreement",
  "renew-agreement", "delete-agreement", "create-invoice", "update-invoice", "send-invoice", "void-invoice", "delete-invoice",
  "void-payment", "record-payment", "apply-payment",
];

/** Mostly a real intent of this page; sometimes another page's, or junk (intentOf's). */
function pageIntent(valid: string[]): fc.Arbitrary<string | null> {
  return fc.oneof({ weight: 10, arbitrary: intentOf(valid) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_INTENTS) });
}

/** An id field: the given ones mostly, or an empty, padded, upper-cased or broken one. */
function idField(ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: ids },
    { weight: 1, arbitrary: ids.map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: ids.chain((id) => fc.constantFrom(` ${id} `, `${id}\u0000`, id.replace(/-/g, ""), `${id},${id}`, id.slice(0, -1))) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "null", "undefined", "00000000-0000-0000-0000-000000000000") },
  );
}

/** An edit form's opened-with values (docs/decisions/0012): as a page would post them, stale, or not JSON at all. */
function openedWith(values: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(values, { requiredKeys: [] }).map((opened) => JSON.stringify(opened)) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '"text"', "1", '{"__proto__":{"name":"x"}}', '{"name":null,"title":1}', `{"content":"${"x".repeat(300_000)}"}`) },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Markdown as written, and around and beyond the 204,800-character limit (over 200 KB). */
const content = validish(
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 80 }) },
    { weight: 2, arbitrary: fc.constantFrom("# Title\n\n[link](javascript:alert(1)) <script>alert(1)</script>", "    code\r\n\r\n", "\u202Eevil", "a\u0000b", "x\ud800y") },
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(204_800), "x".repeat(204_801), "é".repeat(204_801), `${"y".repeat(204_800)}   \r\n`) },
    { weight: 1, arbitrary: hugeString },
  ),
);

/** A target and a form posted to it, built for that target (its customer's agreements, its project's id). */
function aimed(targets: fc.Arbitrary<RowPath>, formFor: (target: RowPath) => fc.Arbitrary<Array<[string, string]>>): fc.Arbitrary<[RowPath, FormCase]> {
  return targets.chain((target) => fc.tuple(fc.constant(target), formCase(formFor(target), { encodings: "mostlyBrowser" })));
}

// ----------------------------------------------------------- where ----

/** A project as a page URL names it: A's under its own customer mostly, and every way to get the pair wrong. */
function projectTarget(world: World): fc.Arbitrary<RowPath> {
  const { actor, other } = world.projects.paths;
  const projects = (paths: RowPath[]) => paths.filter((path) => path.artifactId === null);
  const aCustomers = [...world.aCustomers.live, ...world.aCustomers.archived];
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...projects(actor)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...projects(actor)), fc.constantFrom(...aCustomers)).map(([path, customer]) => ({ ...path, customerId: customer })) },
    { weight: 4, arbitrary: fc.constantFrom(...projects(other)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...projects(other)), fc.constantFrom(...aCustomers)).map(([path, customer]) => ({ ...path, customerId: customer })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...projects(actor)), fc.constantFrom(...world.bCustomers.live)).map(([path, customer]) => ({ ...path, customerId: customer })) },
    { weight: 2, arbitrary: fc.record({ customerId: customerId(world), projectId: projectId(world), artifactId: fc.constant(null) }) },
  );
}

/** An artifact as its page's URL names it, the same way: A's in place mostly, misplaced, B's, junk. */
function artifactTarget(world: World): fc.Arbitrary<RowPath> {
  const { actor, other } = world.projects.paths;
  const artifacts = (paths: RowPath[]) => paths.filter((path) => path.artifactId !== null);
  const projects = (paths: RowPath[]) => paths.filter((path) => path.artifactId === null);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...artifacts(actor)) },
    // Under another of A's projects (with that project's customer, or its own).
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...artifacts(actor)), fc.constantFrom(...projects(actor)), fc.boolean()).map(([path, elsewhere, keep]) => ({ ...path, projectId: elsewhere.projectId, customerId: keep ? path.customerId : elsewhere.customerId })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...artifacts(actor)), fc.constantFrom(...world.aCustomers.live, ...world.aCustomers.archived)).map(([path, customer]) => ({ ...path, customerId: customer })) },
    { weight: 4, arbitrary: fc.constantFrom(...artifacts(other)) },
    // B's artifact under A's own project and customer, and A's under B's.
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...artifacts(other)), fc.constantFrom(...projects(actor))).map(([path, mine]) => ({ ...mine, artifactId: path.artifactId })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...artifacts(actor)), fc.constantFrom(...projects(other))).map(([path, theirs]) => ({ ...theirs, artifactId: path.artifactId })) },
    { weight: 2, arbitrary: fc.record({ customerId: customerId(world), projectId: projectId(world), artifactId: artifactId(world) }) },
  );
}

/** The customer of a tab's URL: mostly one that holds A's rows (`usual`), else anyone's id or none. */
function tabCustomer(world: World, usual: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usual) }, { weight: 2, arbitrary: customerId(world) });
}

/** A's agreements (any of A's customers), B's, none, junk: what a form links a project or an invoice to. */
function agreementLink(world: World): fc.Arbitrary<string> {
  return validish(fc.oneof({ weight: 2, arbitrary: idField(agreementId(world)) }, { weight: 1, arbitrary: fc.constant("") }));
}

// -------------------------------------------------------- projects ----

function projectFields(world: World) {
  return {
    name: formText(200),
    description: formText(5000),
    agreementId: agreementLink(world),
  };
}

function projectOpenedWith() {
  return openedWith({ name: validish(fc.constantFrom("Arranged 0", "Arranged 1", "Renamed", "")), description: formText(50), agreementId: fc.constantFrom("", "00000000-0000-0000-0000-000000000000") });
}

const projectStatus = validish(fc.constantFrom<string>(...PROJECT_STATUSES, "done", "Active"));

/** Fields a form accepts as they are (so that cases get past validation), for a row under `customer`. */
function validProjectFields(world: World, customer: string) {
  const own = world.agreements.actor.filter((row) => row.customerId === customer).map((row) => row.id!);
  return {
    name: fc.oneof(fc.constantFrom("Website relaunch", "  Padded  ", "Ünïcödé 🦄"), fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== "")),
    description: fc.string({ maxLength: 40 }),
    agreementId: fc.constantFrom("", ...own),
  };
}

function projectsTabForm(world: World, target: RowPath) {
  const ownProject = idField(fc.oneof({ weight: 4, arbitrary: fc.constant(target.projectId) }, { weight: 1, arbitrary: projectId(world) }));
  const valid = validProjectFields(world, target.customerId);
  const status = fc.constantFrom(...PROJECT_STATUSES);
  return fc.oneof(
    form(pageIntent(["create-project"]), { ...projectFields(world), status: projectStatus }, ["name"]),
    form(fc.constant("create-project"), { ...valid, status }, ["name"]),
    form(pageIntent(["update-project"]), { projectId: ownProject, ...projectFields(world), openedWith: projectOpenedWith() }, ["projectId"]),
    form(fc.constant("update-project"), { projectId: fc.constant(target.projectId), ...valid, openedWith: projectOpenedWith() }, ["projectId", "name"]),
    form(pageIntent(["project-status"]), { projectId: ownProject, status: projectStatus }, ["projectId", "status"]),
    form(pageIntent(["delete-project"]), { projectId: ownProject }, ["projectId"]),
  );
}

suite.property(
  "POST /customers/:id/projects (create, update, status, delete) on anyone's customer and project",
  { quick: 40, full: 700 },
  (world) => aimed(projectTarget(world), (target) => projectsTabForm(world, target)),
  async ([target, value]) => {
    const customer = idPath(target.customerId);
    await post(projectsRoute.action, `/customers/${customer.segment}/projects`, value, { id: customer.param });
  },
);

const validArtifactFields = {
  title: fc.oneof(fc.constantFrom("Brand guide", " Spec "), fc.string({ minLength: 1, maxLength: 40 }).filter((title) => title.trim() !== "")),
  type: fc.constantFrom(...ARTIFACT_TYPES),
  content: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("# Title\n\n- item\r\n", "")),
};

function projectPageForm(world: World, target: RowPath) {
  return fc.oneof(
    form(pageIntent(["update-project"]), { ...projectFields(world), openedWith: projectOpenedWith() }),
    form(fc.constant("update-project"), { ...validProjectFields(world, target.customerId), openedWith: projectOpenedWith() }, ["name"]),
    form(pageIntent(["create-artifact"]), { title: formText(200), type: validish(fc.constantFrom<string>(...ARTIFACT_TYPES, "video")), content }, ["title"]),
    form(fc.constant("create-artifact"), validArtifactFields, ["title"]),
  );
}

suite.property(
  "POST /customers/:id/projects/:projectId (update, create artifact) on anyone's project",
  { quick: 30, full: 600 },
  (world) => aimed(projectTarget(world), (target) => projectPageForm(world, target)),
  async ([target, value]) => {
    const customer = idPath(target.customerId);
    const project = idPath(target.projectId);
    await post(projectRoute.action, `/customers/${customer.segment}/projects/${project.segment}`, value, { id: customer.param, projectId: project.param });
  },
);

// ------------------------------------------------------- artifacts ----

/** A status as a workflow button posts it; `from` is the one the page showed, often stale by now. */
const artifactStatus = validish(fc.constantFrom<string>(...ARTIFACT_STATUSES, "published", "DRAFT"));

const artifactPageForm = fc.oneof(
  form(pageIntent(["update-artifact"]), {
    title: formText(200),
    type: validish(fc.constantFrom<string>(...ARTIFACT_TYPES, "video")),
    content,
    openedWith: openedWith({ title: validish(fc.constantFrom("In draft", "In review", "Renamed")), type: fc.constantFrom(...ARTIFACT_TYPES), content: fc.constantFrom("# Notes", "", "Changed") }),
  }),
  form(fc.constant("update-artifact"), validArtifactFields, ["title"]),
  form(pageIntent(["artifact-status"]), { status: artifactStatus, from: artifactStatus }, ["status"]),
  form(fc.constant("artifact-status"), { status: fc.constantFrom(...ARTIFACT_STATUSES), from: fc.constantFrom(...ARTIFACT_STATUSES) }, ["status"]),
  form(pageIntent(["delete-artifact"]), {}),
);

suite.property(
  "POST /customers/:id/projects/:projectId/artifacts/:artifactId (update, move, delete) on anyone's artifact",
  { quick: 40, full: 700 },
  (world) => aimed(artifactTarget(world), () => artifactPageForm),
  async ([target, value]) => {
    const customer = idPath(target.customerId);
    const project = idPath(target.projectId);
    const artifact = idPath(target.artifactId ?? "");
    await post(
      artifactRoute.action,
      `/customers/${customer.segment}/projects/${project.segment}/artifacts/${artifact.segment}`,
      value,
      { id: customer.param, projectId: project.param, artifactId: artifact.param },
    );
  },
);

// ------------------------------------------------------ agreements ----

const formDate = validish(dateValue.map((date) => date ?? ""));
const formMoney = validish(moneyValue.map((amount) => String(amount)));
const hours = validish(fc.oneof(fc.integer({ min: 0, max: 200 }).map(String), fc.constantFrom("", "0.29", "12.5", "-1", "100001", "1e3")));

const agreementFields = {
  scope: formText(500),
  type: validish(fc.constantFrom<string>(...AGREEMENT_TYPES, "fixed", "RETAINER")),
  startDate: formDate,
  endDate: formDate,
  noticeDays: validish(fc.oneof(fc.integer({ min: 0, max: 365 }).map(String), fc.constantFrom("", "-1", "366", "1.5", "30 "))),
  amount: formMoney,
  period: validish(fc.constantFrom<string>(...BILLING_PERIODS, "week", "")),
  hoursIncluded: hours,
  rate: formMoney,
  hoursCap: hours,
  note: formText(1000),
};

/** An agreement form every field of which is right for its type. */
const validAgreementFields = fc.constantFrom(...AGREEMENT_TYPES).chain((type) => {
  const amount = fc.integer({ min: 1, max: 99_999_999 }).map((cents) => (cents / 100).toFixed(2));
  const pricing: Record<string, fc.Arbitrary<string>> =
    type === "retainer" ? { amount, period: fc.constantFrom(...BILLING_PERIODS) } : type === "fixed_fee" ? { amount } : type === "hourly" ? { rate: amount } : { note: fc.string({ maxLength: 40 }) };
  return form(fc.constant("create-agreement"), {
    scope: fc.constantFrom("Monthly retainer", "Discovery", "Phase 2"),
    type: fc.constant(type),
    noticeDays: fc.integer({ min: 0, max: 365 }).map(String),
    ...pricing,
  }, ["scope", "type", ...Object.keys(pricing).filter((name) => name !== "note")]);
});

function agreementsTabForm(world: World, ownAgreement: fc.Arbitrary<string>) {
  const id = idField(ownAgreement);
  return fc.oneof(
    { weight: 2, arbitrary: form(pageIntent(["create-agreement"]), agreementFields, ["scope"]) },
    { weight: 1, arbitrary: validAgreementFields },
    {
      weight: 2,
      arbitrary: form(pageIntent(["update-agreement"]), {
        agreementId: id,
        ...agreementFields,
        openedWith: openedWith({ scope: fc.constantFrom("Running retainer", "Arranged", ""), type: fc.constantFrom(...AGREEMENT_TYPES), amount: fc.constantFrom("1000.00", "1500.00", "") }),
      }, ["agreementId", "scope"]),
    },
    { weight: 2, arbitrary: form(pageIntent(["terminate-agreement"]), { agreementId: id, date: formDate, reason: formText(1000) }, ["agreementId"]) },
    { weight: 3, arbitrary: form(pageIntent(["suspend-agreement", "resume-agreement", "renew-agreement", "delete-agreement"]), { agreementId: id }, ["agreementId"]) },
  );
}

suite.property(
  "POST /customers/:id/agreements (create, update, terminate, suspend, resume, renew, delete) on anyone's agreement",
  { quick: 40, full: 700 },
  (world) => {
    const arranged = world.agreements.actor.map((row) => ({ customerId: row.customerId, agreementId: row.id! }));
    // A's agreement under its own customer mostly; else any customer and any agreement (B's, A's of another customer, junk).
    const target = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...arranged).map((row) => ({ customerId: row.customerId, agreement: fc.constant(row.agreementId) })) },
      { weight: 2, arbitrary: tabCustomer(world, world.aCustomers.live.slice(0, 2)).map((id) => ({ customerId: id, agreement: agreementId(world) })) },
    );
    return target.chain(({ customerId: customer, agreement }) => fc.tuple(fc.constant(customer), formCase(agreementsTabForm(world, agreement), { encodings: "mostlyBrowser" })));
  },
  async ([customer, value]) => {
    const { param, segment } = idPath(customer);
    await post(agreementsRoute.action, `/customers/${segment}/agreements`, value, { id: param });
  },
);

// ----------------------------------------------------- receivables ----

function receivablesTabForm(world: World) {
  const row = idField(receivableId(world));
  const invoiceFields = {
    reference: validish(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("INV-0001", "PROP-SENT", "PROP-DRAFT", "", "  ", "r".repeat(101)))),
    date: formDate,
    dueDate: formDate,
    amount: formMoney,
    description: formText(1000),
    agreementId: agreementLink(world),
  };
  return fc.oneof(
    { weight: 2, arbitrary: form(pageIntent(["create-invoice"]), { ...invoiceFields, status: validish(fc.constantFrom("draft", "sent", "void", "")) }, ["reference", "amount"]) },
    {
      weight: 2,
      arbitrary: form(pageIntent(["update-invoice"]), {
        receivableId: row,
        ...invoiceFields,
        openedWith: openedWith({ reference: fc.constantFrom("PROP-SENT", "PROP-DRAFT"), amount: fc.constantFrom("400.00", "90.00"), date: formDate, dueDate: formDate }),
      }, ["receivableId"]),
    },
    { weight: 3, arbitrary: form(pageIntent(["send-invoice", "void-invoice", "delete-invoice", "void-payment"]), { receivableId: row }, ["receivableId"]) },
    {
      weight: 2,
      arbitrary: form(pageIntent(["record-payment"]), {
        invoiceId: fc.oneof(row, fc.constant("")),
        amount: formMoney,
        date: formDate,
        reference: validish(fc.constantFrom("CHQ-1", "", "r".repeat(101))),
        description: formText(1000),
      }, ["amount"]),
    },
    {
      weight: 2,
      arbitrary: form(fc.constant("create-invoice"), {
        reference: fc.nat({ max: 1_000_000 }).map((n) => `PT-${n}`),
        amount: fc.integer({ min: 1, max: 99_999_999 }).map((cents) => (cents / 100).toFixed(2)),
        status: fc.constantFrom("draft", "sent"),
        agreementId: fc.constantFrom("", ...world.agreements.actor.filter((agreement) => agreement.customerId === world.aCustomers.live[0]).map((agreement) => agreement.id!)),
      }, ["reference", "amount"]),
    },
    {
      weight: 1,
      arbitrary: form(fc.constant("record-payment"), {
        invoiceId: fc.constantFrom("", ...world.receivables.actor),
        amount: fc.integer({ min: 1, max: 50_000 }).map((cents) => (cents / 100).toFixed(2)),
      }, ["amount"]),
    },
    { weight: 2, arbitrary: form(pageIntent(["apply-payment"]), { receivableId: row, invoiceId: fc.oneof(row, fc.constant("")) }, ["receivableId", "invoiceId"]) },
  );
}

suite.property(
  "POST /customers/:id/receivables (invoices and payments, every intent) on anyone's receivable",
  { quick: 40, full: 700 },
  (world) => fc.tuple(tabCustomer(world, world.aCustomers.live.slice(0, 1)), formCase(receivablesTabForm(world), { encodings: "mostlyBrowser" })),
  async ([customer, value]) => {
    const { param, segment } = idPath(customer);
    await post(receivablesRoute.action, `/customers/${segment}/receivables`, value, { id: param });
  },
);

// --------------------------------------------------------- loaders ----

suite.property(
  "GET a project's page and an artifact's page with any ids, query string and cookies (never writes)",
  { quick: 30, full: 500 },
  (world) =>
    fc.tuple(
      fc.oneof(projectTarget(world), artifactTarget(world)),
      fc.array(fc.tuple(fc.constantFrom("edit", "index", "_data", "redirectTo", "status"), hostileString), { maxLength: 2 }),
      headerChoices,
      fc.constantFrom("GET", "HEAD"),
    ),
  async ([target, query, choices, method]) => {
    const customer = idPath(target.customerId);
    const project = idPath(target.projectId);
    const artifact = target.artifactId === null ? null : idPath(target.artifactId);
    const page = `/customers/${customer.segment}/projects/${project.segment}${artifact ? `/artifacts/${artifact.segment}` : ""}`;
    const path = `${page}${queryString(query)}`;
    const headers = buildHeaders(suite.world, choices, undefined);
    const request = new Request(new URL(path, BASE_URL), { method, headers });
    const params = { id: customer.param, projectId: project.param, ...(artifact ? { artifactId: artifact.param } : {}) };
    await suite.checker.check({
      describe: `${method} ${path} ${describeHeaders(headers)}`,
      send: () => call(artifact ? artifactRoute.loader : projectRoute.loader, request, params),
      readOnly: true,
      signedIn: choices.session === "actor",
      secrets: unsent(suite.world, path),
    });
  },
);
