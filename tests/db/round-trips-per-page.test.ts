import { getDatabase } from "~/db/db.server";
import { insertCommercials, insertCustomer } from "../../prisma/factories";
import { signedUpUser } from "../auth-helpers";
import { ownerPrisma as prisma } from "../setup/owner";
import { startAppServer, type AppServer } from "../support/app-server";

// How many messages each GET page sends to the database and waits for
// (X-Sql-Round-Trips, which the request scope counts): BEGIN, the session
// lookup that also binds app.user_id, the page's data, COMMIT. The numbers
// are upper bounds, so a change that adds a statement to a page shows here.
// Both the document (every loader of the page) and the loader data a
// client-side navigation fetches (the child route's loader alone) count.

let server: AppServer;
let cookie: string;
let customerId: string;
let projectId: string;
let artifactId: string;
const saved = process.env.SQL_ROUND_TRIPS;

beforeAll(async () => {
  process.env.SQL_ROUND_TRIPS = "1";
  server = await startAppServer();
  const user = await signedUpUser();
  cookie = user.cookie;
  const customer = await insertCustomer(prisma(), user.id, { name: "Round Trip Ltd", status: "live" });
  customerId = customer.id;
  await insertCommercials(prisma(), { id: customer.id, userId: user.id });
  const project = await prisma().project.findFirstOrThrow({ where: { customerId } });
  projectId = project.id;
  const artifact = await prisma().artifact.create({
    data: { projectId, customerId, userId: user.id, title: "Brief", content: "# Round trips" },
  });
  artifactId = artifact.id;
});
afterAll(async () => {
  process.env.SQL_ROUND_TRIPS = saved;
  await server.close();
});

// PGlite is one session shared with the table owner, so each transaction
// also switches to the app's role: one statement more than on PostgreSQL.
const roleSwitch = () => (getDatabase().switchesRolePerTransaction ? 1 : 0);

async function fetchPage(path: string): Promise<{ roundTrips: number; body: string }> {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  const body = await response.text();
  const header = response.headers.get("X-Sql-Round-Trips");
  expect(header).not.toBeNull();
  return { roundTrips: Number(header), body };
}

const customerPath = () => `/customers/${customerId}`;

// On PostgreSQL. BEGIN + session + the page's one statement + COMMIT = 4;
// search adds its SECURITY DEFINER match (search_customer_ids).
const pages: Array<{ name: string; path: () => string; data: string; most: number; warm?: boolean }> = [
  { name: "customer list", path: () => "/customers", data: "routes/customers._index", most: 4 },
  { name: "customer search", path: () => "/customers?q=Round", data: "routes/customers._index", most: 5 },
  { name: "overview tab", path: () => `${customerPath()}/overview`, data: "routes/customers.$id.overview", most: 4 },
  { name: "agreements tab", path: () => `${customerPath()}/agreements`, data: "routes/customers.$id.agreements", most: 4 },
  { name: "receivables tab", path: () => `${customerPath()}/receivables`, data: "routes/customers.$id.receivables", most: 4 },
  { name: "projects tab", path: () => `${customerPath()}/projects`, data: "routes/customers.$id.projects", most: 4 },
  { name: "project page", path: () => `${customerPath()}/projects/${projectId}`, data: "routes/customers.$id.projects_.$projectId", most: 4 },
  {
    name: "artifact page",
    path: () => `${customerPath()}/projects/${projectId}/artifacts/${artifactId}`,
    data: "routes/customers.$id.projects_.$projectId_.artifacts.$artifactId",
    most: 4,
  },
  { name: "all receivables", path: () => "/receivables", data: "routes/receivables", most: 4 },
  // The first view after a change recounts the statuses and stores them (one statement more).
  { name: "all agreements", path: () => "/agreements", data: "routes/agreements", most: 4, warm: true },
];

describe("SQL round trips per GET page", () => {
  it.each(pages)("$name: the document and its loader data stay within $most", async ({ path, data, most, warm }) => {
    if (warm) await fetchPage(path());
    const document = await fetchPage(path());
    const separator = path().includes("?") ? "&" : "?";
    const loaderData = await fetchPage(`${path()}${separator}_data=${encodeURIComponent(data)}`);
    expect(document.roundTrips).toBeLessThanOrEqual(most + roleSwitch());
    expect(loaderData.roundTrips).toBeLessThanOrEqual(most + roleSwitch());
  });

  it("a customer's tab hands the layout its customer: the document shows it", async () => {
    const document = await fetchPage(`${customerPath()}/receivables`);
    expect(document.body).toContain("<h1");
    expect(document.body).toContain("Round Trip Ltd");
  });

  it("the layout's loader alone reads its customer itself", async () => {
    const layout = await fetchPage(`${customerPath()}/receivables?_data=${encodeURIComponent("routes/customers.$id")}`);
    expect(JSON.parse(layout.body)).toEqual({ customer: { id: customerId, name: "Round Trip Ltd", status: "live" } });
    expect(layout.roundTrips).toBe(4 + roleSwitch());
  });
});
