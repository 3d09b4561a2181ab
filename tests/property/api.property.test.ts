import fc from "fast-check";
import * as splatRoute from "~/routes/api.$";
import * as listRoute from "~/routes/api.customers";
import * as customerRoute from "~/routes/api.customers.$id";
import * as restoreRoute from "~/routes/api.customers.$id.restore";
import * as statusRoute from "~/routes/api.customers.$id.status";
import * as customerAgreementsRoute from "~/routes/api.customers.$id.agreements";
import * as customerEventsRoute from "~/routes/api.customers.$id.events";
import * as agreementRoute from "~/routes/api.agreements.$aid";
import * as agreementActionRoute from "~/routes/api.agreements.$aid.$action";
import * as customerReceivablesRoute from "~/routes/api.customers.$id.receivables";
import * as receivableRoute from "~/routes/api.receivables.$rid";
import * as receivableVoidRoute from "~/routes/api.receivables.$rid.void";
import * as receivablesAcrossRoute from "~/routes/api.receivables";
import * as customerProjectsRoute from "~/routes/api.customers.$id.projects";
import * as projectRoute from "~/routes/api.projects.$pid";
import * as projectArtifactsRoute from "~/routes/api.projects.$pid.artifacts";
import * as artifactRoute from "~/routes/api.artifacts.$aid";
import * as artifactStatusRoute from "~/routes/api.artifacts.$aid.status";
import { apiRequest } from "../api/helpers";
import { call } from "../http";
import {
  apiBody,
  buildHeaders,
  contentType,
  customerBody,
  customerId,
  describeHeaders,
  field,
  headerSafe,
  headerChoices,
  hostileKey,
  hostileString,
  listQuery,
  queryString,
  statusValue,
  wellFormed,
  type Body,
  type HeaderChoices,
} from "./arbitraries";
import { actionBody, actionName, agreementBody, agreementId } from "./agreement-arbitraries";
import { artifactBody, artifactId, moveBody, otherProjectIds, projectBody, projectId } from "./project-arbitraries";
import { receivableBody, receivableId, receivablesQuery } from "./receivable-arbitraries";
import { truncate } from "./config";
import { PropertySuite } from "./harness";

/**
 * The JSON API under generated requests: every endpoint, every method, bodies
 * of every shape, any id, any query, any headers. For each case (see
 * harness.ts): no 5xx, B's rows untouched, and a refused request (4xx) leaves
 * the whole database byte-for-byte as it was.
 */

type Handler = NonNullable<Parameters<typeof call>[0]>;
type Module = { loader?: Handler; action?: Handler };

const suite = new PropertySuite("api");

const ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function method(...usual: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_METHODS) });
}

interface ApiCase {
  /** Put A's customers back in their initial states first (deletes would otherwise wear them out). */
  revive?: boolean;
  method: string;
  body: Body;
  contentType: string | undefined;
  headers: HeaderChoices;
}

function bodyText(body: Body): string {
  switch (body.kind) {
    case "none":
      return "<none>";
    case "json":
      return JSON.stringify(body.value) ?? "undefined";
    case "text":
      return JSON.stringify(body.text);
    case "bytes":
      return `<${body.bytes.byteLength} bytes: ${Buffer.from(body.bytes.subarray(0, 40)).toString("hex")}>`;
  }
}

/**
 * Remix hands GET and HEAD to the loader, every other method to the action.
 * `secrets`: more of B's that the answer must not contain (see harness.ts).
 */
async function exchange(module: Module, path: string, params: Record<string, string>, value: ApiCase, secrets?: readonly string[]) {
  const withBody = value.method !== "GET" && value.method !== "HEAD" && value.body.kind !== "none";
  const headers = Object.fromEntries(buildHeaders(suite.world, value.headers, undefined));
  const body = !withBody ? undefined : value.body.kind === "json" ? value.body.value : value.body.kind === "text" ? value.body.text : value.body.kind === "bytes" ? value.body.bytes : undefined;
  const request = apiRequest(value.method, path, { body, contentType: withBody && value.contentType !== undefined ? headerSafe(value.contentType) : null, headers });
  const handler = value.method === "GET" || value.method === "HEAD" ? module.loader : module.action;
  const readOnly = value.method === "GET" || value.method === "HEAD";
  await suite.checker.check({
    describe: `${value.method} ${path} ${describeHeaders(request.headers)} body=${withBody ? truncate(bodyText(value.body), 400) : "<none>"}`,
    send: () => call(handler, request, params),
    readOnly,
    revive: value.revive ?? false,
    signedIn: value.headers.session === "actor",
    secrets,
  });
}

/** The id as Remix hands it over (decoded), and as it sits in the URL (encoded). */
function idPath(id: string): { param: string; segment: string } {
  const param = wellFormed(id);
  return { param, segment: encodeURIComponent(param) };
}

function apiCase(methods: fc.Arbitrary<string>, body: fc.Arbitrary<Body>): fc.Arbitrary<ApiCase> {
  return fc.record({ revive: fc.nat({ max: 9 }).map((n) => n === 0), method: methods, body, contentType, headers: headerChoices });
}

// ------------------------------------------------------------ the list ----

suite.property(
  "GET /api/customers with any query string",
  { quick: 80, full: 1500 },
  () => fc.tuple(listQuery, fc.constantFrom("GET", "HEAD"), headerChoices),
  async ([query, verb, headers]) => {
    await exchange(listRoute, `/api/customers${queryString(query)}`, {}, { method: verb, headers, body: { kind: "none" }, contentType: undefined });
  },
);

suite.property(
  "POST /api/customers with any body, content type and headers",
  { quick: 120, full: 1800 },
  (world) => apiCase(method("POST"), apiBody(customerBody(world.aCustomers.members.concat(world.bCustomers.members), { nameRequired: true }))),
  async (value) => {
    await exchange(listRoute, "/api/customers", {}, value);
  },
);

// ---------------------------------------------------------- one customer ----

suite.property(
  "GET, PUT and DELETE /api/customers/:id on anyone's id with any body",
  { quick: 120, full: 1800 },
  (world) =>
    fc.tuple(
      customerId(world),
      apiCase(method("GET", "PUT", "PUT", "DELETE"), apiBody(customerBody(world.aCustomers.members.concat(world.bCustomers.members)))),
    ),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await exchange(customerRoute, `/api/customers/${segment}`, { id: param }, value);
  },
);

suite.property(
  "PATCH /api/customers/:id/status on anyone's id with any body",
  { quick: 80, full: 1200 },
  (world) =>
    fc.tuple(
      customerId(world),
      apiCase(
        method("PATCH"),
        apiBody(
          fc
            .tuple(
              fc.record({ status: field(statusValue) }),
              fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(hostileKey, hostileString, { minKeys: 1, maxKeys: 2 }) }),
            )
            .map(([known, extra]) => ({ ...extra, ...known })),
        ),
      ),
    ),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await exchange(statusRoute, `/api/customers/${segment}/status`, { id: param }, value);
  },
);

suite.property(
  "POST /api/customers/:id/restore on anyone's id",
  { quick: 80, full: 1000 },
  (world) =>
    fc.tuple(
      fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...world.aCustomers.archived, ...world.aCustomers.expired) }, { weight: 2, arbitrary: customerId(world) }),
      apiCase(method("POST"), apiBody(fc.jsonValue({ maxDepth: 2 }))),
    ),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await exchange(restoreRoute, `/api/customers/${segment}/restore`, { id: param }, value);
  },
);

// ------------------------------------------------------------ timeline ----

suite.property(
  "GET /api/customers/:id/events on anyone's id with any query string and method",
  { quick: 60, full: 1000 },
  (world) => fc.tuple(customerId(world), listQuery, apiCase(method("GET", "GET", "HEAD", "POST", "DELETE"), apiBody(fc.constant({})))),
  async ([id, query, value]) => {
    const { param, segment } = idPath(id);
    await exchange(customerEventsRoute, `/api/customers/${segment}/events${queryString(query)}`, { id: param }, value);
  },
);

// ----------------------------------------------------------- agreements ----

/** B's agreement ids: the agreements API never echoes an id, so no answer to A may hold one of B's. */
const bAgreements = () => suite.world.agreements.other;

suite.property(
  "GET and POST /api/customers/:id/agreements on anyone's customer with any body",
  { quick: 60, full: 1200 },
  (world) =>
    fc.tuple(
      // A's live customers more often than customerId() alone: creations must succeed too.
      fc.oneof(fc.constantFrom(...world.aCustomers.live), customerId(world)),
      apiCase(method("GET", "POST", "POST"), apiBody(agreementBody({ scopeRequired: true }))),
    ),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await exchange(customerAgreementsRoute, `/api/customers/${segment}/agreements`, { id: param }, value, bAgreements());
  },
);

suite.property(
  "GET, PATCH and DELETE /api/agreements/:aid on anyone's agreement with any body",
  { quick: 80, full: 1500 },
  (world) => fc.tuple(agreementId(world), apiCase(method("GET", "PATCH", "PATCH", "PATCH", "DELETE"), apiBody(agreementBody({ scopeRequired: false })))),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await exchange(agreementRoute, `/api/agreements/${segment}`, { aid: param }, value, bAgreements());
  },
);

suite.property(
  "POST /api/agreements/:aid/terminate|suspend|resume|renew on anyone's agreement with any body",
  { quick: 80, full: 1500 },
  (world) =>
    fc.tuple(agreementId(world), actionName).chain(([id, action]) =>
      // No body at all is the usual way to call an action: a third of the cases.
      fc.tuple(fc.constant(id), fc.constant(action), apiCase(method("POST"), fc.oneof(fc.constant<Body>({ kind: "none" }), apiBody(actionBody(action)), apiBody(actionBody(action))))),
    ),
  async ([id, action, value]) => {
    const { param, segment } = idPath(id);
    const name = idPath(action);
    await exchange(agreementActionRoute, `/api/agreements/${segment}/${name.segment}`, { aid: param, action: name.param }, value, bAgreements());
  },
);

// ---------------------------------------------------------- receivables ----

/** B's receivable ids: an answer to A may link only A's own rows, so none of B's may appear. */
const bReceivables = () => [...suite.world.receivables.other, ...suite.world.agreements.other];

suite.property(
  "GET and POST /api/customers/:id/receivables on anyone's customer with any query and body",
  { quick: 80, full: 1200 },
  (world) =>
    fc.tuple(customerId(world), receivablesQuery, apiCase(method("GET", "POST", "POST"), apiBody(receivableBody(world, world.receivables, { typeRequired: true })))),
  async ([id, query, value]) => {
    const { param, segment } = idPath(id);
    await exchange(customerReceivablesRoute, `/api/customers/${segment}/receivables${queryString(query)}`, { id: param }, value, bReceivables());
  },
);

suite.property(
  "GET, PATCH and DELETE /api/receivables/:rid and POST …/void on anyone's receivable with any body",
  { quick: 80, full: 1200 },
  (world) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(receivableId(world), fc.constant(false), apiCase(method("GET", "PATCH", "PATCH", "DELETE"), apiBody(receivableBody(world, world.receivables, { typeRequired: false })))) },
      { weight: 1, arbitrary: fc.tuple(receivableId(world), fc.constant(true), apiCase(method("POST"), apiBody(fc.constant({})))) },
    ),
  async ([id, toVoid, value]) => {
    const { param, segment } = idPath(id);
    if (toVoid) await exchange(receivableVoidRoute, `/api/receivables/${segment}/void`, { rid: param }, value, bReceivables());
    else await exchange(receivableRoute, `/api/receivables/${segment}`, { rid: param }, value, bReceivables());
  },
);

suite.property(
  "GET /api/receivables with any query string",
  { quick: 40, full: 600 },
  () => fc.tuple(receivablesQuery, fc.constantFrom("GET", "HEAD", "POST"), headerChoices),
  async ([query, verb, headers]) => {
    await exchange(receivablesAcrossRoute, `/api/receivables${queryString(query)}`, {}, { method: verb, headers, body: { kind: "none" }, contentType: undefined }, bReceivables());
  },
);

// ------------------------------------------------------------- projects ----

/** B's projects, artifacts and agreements: an answer to A may name only A's own. */
const bProjects = () => otherProjectIds(suite.world);

suite.property(
  "GET and POST /api/customers/:id/projects on anyone's customer with any body",
  { quick: 60, full: 1000 },
  (world) =>
    fc.tuple(
      fc.oneof(fc.constantFrom(...world.aCustomers.live), customerId(world)),
      apiCase(method("GET", "POST", "POST"), apiBody(projectBody(world, { nameRequired: true }))),
    ),
  async ([id, value]) => {
    const { param, segment } = idPath(id);
    await exchange(customerProjectsRoute, `/api/customers/${segment}/projects`, { id: param }, value, bProjects());
  },
);

suite.property(
  "GET, PATCH and DELETE /api/projects/:pid and GET and POST …/artifacts on anyone's project with any body",
  { quick: 80, full: 1200 },
  (world) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.tuple(projectId(world), fc.constant(false), apiCase(method("GET", "PATCH", "PATCH", "PATCH", "DELETE"), apiBody(projectBody(world, { nameRequired: false })))) },
      { weight: 2, arbitrary: fc.tuple(projectId(world), fc.constant(true), apiCase(method("GET", "POST", "POST"), apiBody(artifactBody({ titleRequired: true })))) },
    ),
  async ([id, artifacts, value]) => {
    const { param, segment } = idPath(id);
    if (artifacts) await exchange(projectArtifactsRoute, `/api/projects/${segment}/artifacts`, { pid: param }, value, bProjects());
    else await exchange(projectRoute, `/api/projects/${segment}`, { pid: param }, value, bProjects());
  },
);

suite.property(
  "GET, PATCH and DELETE /api/artifacts/:aid and POST …/status on anyone's artifact with any body",
  { quick: 100, full: 1500 },
  (world) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.tuple(artifactId(world), fc.constant(false), apiCase(method("GET", "PATCH", "PATCH", "PATCH", "DELETE"), apiBody(artifactBody({ titleRequired: false })))) },
      { weight: 3, arbitrary: fc.tuple(artifactId(world), fc.constant(true), apiCase(method("POST"), apiBody(moveBody))) },
    ),
  async ([id, move, value]) => {
    const { param, segment } = idPath(id);
    if (move) await exchange(artifactStatusRoute, `/api/artifacts/${segment}/status`, { aid: param }, value, bProjects());
    else await exchange(artifactRoute, `/api/artifacts/${segment}`, { aid: param }, value, bProjects());
  },
);

// ------------------------------------------------------- anything at all ----

const ENDPOINTS: Array<{ name: string; module: Module; path: (segment: string) => string; takesId: boolean }> = [
  { name: "list", module: listRoute, path: () => "/api/customers", takesId: false },
  { name: "customer", module: customerRoute, path: (segment) => `/api/customers/${segment}`, takesId: true },
  { name: "status", module: statusRoute, path: (segment) => `/api/customers/${segment}/status`, takesId: true },
  { name: "restore", module: restoreRoute, path: (segment) => `/api/customers/${segment}/restore`, takesId: true },
  { name: "customer agreements", module: customerAgreementsRoute, path: (segment) => `/api/customers/${segment}/agreements`, takesId: true },
  { name: "customer projects", module: customerProjectsRoute, path: (segment) => `/api/customers/${segment}/projects`, takesId: true },
  { name: "unknown", module: splatRoute, path: (segment) => `/api/${segment}`, takesId: false },
];

suite.property(
  "any method on any /api endpoint, including unknown paths",
  { quick: 80, full: 1000 },
  (world) =>
    fc.tuple(
      fc.constantFrom(...ENDPOINTS),
      customerId(world),
      listQuery,
      apiCase(fc.constantFrom(...ALL_METHODS), apiBody(customerBody(world.bCustomers.members))),
    ),
  async ([endpoint, id, query, value]) => {
    const { param, segment } = idPath(id);
    const params: Record<string, string> = endpoint.takesId ? { id: param } : endpoint.name === "unknown" ? { "*": param } : {};
    await exchange(endpoint.module, `${endpoint.path(segment)}${queryString(query)}`, params, value);
  },
);
