import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import { addDays, agreementsSnapshot, createVia, expectValidationRefusal, todayOf, type AgreementBody } from "./agreement-helpers";

// PATCH /api/agreements/<aid>: any of the fields, each validated as on create;
// pricing against the type the agreement ends with; dates against the stored
// ones; the computed status follows.

let user: TestUser;
let customer: { id: string };

beforeAll(async () => {
  user = await signedInUser();
  customer = await customerFor(user, { name: "Patch Co", status: "live" });
});

function patch(id: string, body: unknown) {
  return api("PATCH", `/api/agreements/${id}`, { cookie: user.cookie, body });
}

async function patched(id: string, body: unknown) {
  const response = await patch(id, body);
  const json = await jsonOf<AgreementBody & ErrorBody>(response);
  expect(response.status, JSON.stringify(json)).toBe(200);
  return json.agreement;
}

const expectRefused = (id: string, body: unknown, fields: string[]) => expectValidationRefusal(() => patch(id, body), fields);

const fixedFee = () =>
  createVia(user, customer.id, {
    scope: "Website build",
    type: "fixed_fee",
    pricing: { amount: "12000" },
    start_date: "2026-01-01",
    end_date: "2026-06-30",
    notice_days: 10,
  });

describe("changing one field at a time keeps the others", () => {
  it.each([
    ["scope", { scope: "  Website build, phase 2 " }, { scope: "Website build, phase 2" }],
    ["start_date", { start_date: "2026-02-01" }, { start_date: "2026-02-01" }],
    ["end_date", { end_date: "2026-12-31" }, { end_date: "2026-12-31" }],
    ["start_date cleared", { start_date: null }, { start_date: null }],
    ["end_date cleared", { end_date: null }, { end_date: null }],
    ["notice_days", { notice_days: 0 }, { notice_days: 0 }],
    ["pricing", { pricing: { amount: 13000.5 } }, { pricing: { amount: "13000.50" } }],
    ["type with its pricing", { type: "hourly", pricing: { rate: "110", hours_cap: 80 } }, { type: "hourly", pricing: { rate: "110.00", hours_cap: 80 } }],
    ["type to other without pricing", { type: "other" }, { type: "other", pricing: {} }],
    ["nothing", {}, {}],
  ])("%s", async (_label, body, expected) => {
    const original = await fixedFee();
    const agreement = await patched(original.id, body);
    const { updated_at: _before, status: _status, ...unchanged } = original;
    const { updated_at: _after, status: _newStatus, ...rest } = agreement;
    expect(rest).toEqual({ ...unchanged, ...expected });
    // And it is what a later read sees.
    const read = await jsonOf<AgreementBody>(await api("GET", `/api/agreements/${original.id}`, { cookie: user.cookie }));
    expect(read.agreement).toEqual(agreement);
  });

  it("moves updated_at forward", async () => {
    const original = await fixedFee();
    const agreement = await patched(original.id, { scope: "Later" });
    expect(Date.parse(agreement.updated_at!)).toBeGreaterThanOrEqual(Date.parse(original.updated_at!));
  });

  it("recomputes the status from the new dates", async () => {
    const today = await todayOf(user.id);
    const agreement = await createVia(user, customer.id, { scope: "Status", type: "other", start_date: addDays(today, -30) });
    expect(agreement.status).toBe("active");
    expect((await patched(agreement.id, { end_date: addDays(today, -1) })).status).toBe("expired");
    expect((await patched(agreement.id, { end_date: addDays(today, 5), notice_days: 5 })).status).toBe("expiring_soon");
    expect((await patched(agreement.id, { notice_days: 4 })).status).toBe("active");
    expect((await patched(agreement.id, { start_date: addDays(today, 1) })).status).toBe("upcoming");
  });
});

describe("pricing is checked against the type the agreement ends with", () => {
  it("a new type without pricing → 400 on that type's pricing fields", async () => {
    const agreement = await fixedFee();
    await expectRefused(agreement.id, { type: "hourly" }, ["pricing.rate"]);
    await expectRefused(agreement.id, { type: "retainer" }, ["pricing.amount", "pricing.period"]);
  });

  it("a new type with the old type's pricing → 400", async () => {
    const agreement = await fixedFee();
    const issues = await expectRefused(agreement.id, { type: "hourly", pricing: { amount: 100 } }, ["pricing.amount", "pricing.rate"]);
    expect(issues["pricing.amount"]).toEqual(["Unknown field"]);
  });

  it("pricing alone is validated against the stored type, strictly", async () => {
    const agreement = await fixedFee();
    const issues = await expectRefused(agreement.id, { pricing: { rate: 100 } }, ["pricing.amount", "pricing.rate"]);
    expect(issues["pricing.rate"]).toEqual(["Unknown field"]);
    await expectRefused(agreement.id, { pricing: { amount: "-1" } }, ["pricing.amount"]);
    await expectRefused(agreement.id, { pricing: { amount: "1.001" } }, ["pricing.amount"]);
    await expectRefused(agreement.id, { pricing: { amount: 0 } }, ["pricing.amount"]);
    await expectRefused(agreement.id, { pricing: { amount: "12345678901" } }, ["pricing.amount"]);
    await expectRefused(agreement.id, { pricing: {} }, ["pricing.amount"]);
  });

  it("pricing replaces the stored pricing as a whole", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Retainer", type: "retainer", pricing: { amount: 1000, period: "month", hours_included: 10 } });
    expect((await patched(agreement.id, { pricing: { amount: 1200, period: "quarter" } })).pricing).toEqual({ amount: "1200.00", period: "quarter" });
  });

  it("pricing that is not an object → 400 on pricing", async () => {
    const agreement = await fixedFee();
    await expectRefused(agreement.id, { pricing: "12000" }, ["pricing"]);
    await expectRefused(agreement.id, { pricing: null }, ["pricing"]);
  });
});

describe("each field is validated as on create", () => {
  it("end before start → end_date, within the patch or against the stored dates", async () => {
    const agreement = await fixedFee(); // 2026-01-01 … 2026-06-30
    await expectRefused(agreement.id, { start_date: "2026-03-01", end_date: "2026-02-01" }, ["end_date"]);
    await expectRefused(agreement.id, { end_date: "2025-12-31" }, ["end_date"]);
    await expectRefused(agreement.id, { start_date: "2026-07-01" }, ["end_date"]);
    // Clearing the end lets the start move anywhere.
    expect(await patched(agreement.id, { start_date: "2027-01-01", end_date: null })).toMatchObject({ start_date: "2027-01-01", end_date: null });
  });

  it.each([
    [{ scope: "" }, ["scope"]],
    [{ scope: "x".repeat(501) }, ["scope"]],
    [{ scope: null }, ["scope"]],
    [{ type: "fixed" }, ["type"]],
    [{ start_date: "2026-02-30" }, ["start_date"]],
    [{ end_date: "tomorrow" }, ["end_date"]],
    [{ notice_days: 366 }, ["notice_days"]],
    [{ notice_days: -1 }, ["notice_days"]],
    [{ notice_days: null }, ["notice_days"]],
    [{ notice_days: "" }, ["notice_days"]],
    [{ override_status: "terminated" }, ["override_status"]],
    [{ status: "active" }, ["status"]],
    [{ renewal_of: null }, ["renewal_of"]],
    [{ customer_id: "00000000-0000-0000-0000-000000000000" }, ["customer_id"]],
    [{ billed: "100.00" }, ["billed"]],
  ])("%j → 400", async (body, fields) => {
    const agreement = await fixedFee();
    await expectRefused(agreement.id, body, fields);
  });

  it.each([
    ["malformed JSON", "{", "application/json"],
    ["an array", "[1]", "application/json"],
    ["no content type", "{}", null],
  ])("%s → 400", async (_label, body, contentType) => {
    const agreement = await fixedFee();
    const before = await agreementsSnapshot();
    const response = await api("PATCH", `/api/agreements/${agreement.id}`, { cookie: user.cookie, body, contentType });
    expect(response.status).toBe(400);
    expect(await agreementsSnapshot()).toEqual(before);
  });
});
