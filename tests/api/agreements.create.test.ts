import { api, customerFor, jsonOf, signedInUser, type ErrorBody, type TestUser } from "./helpers";
import {
  act,
  addDays,
  agreementsSnapshot,
  createVia,
  expectValidationRefusal,
  setTimeZone,
  todayOf,
  type AgreementBody,
  type AgreementsBody,
} from "./agreement-helpers";

// POST /api/customers/<id>/agreements and GET of the list and of one agreement:
// each type with its pricing, money as exact strings, every validation rule
// answered with a 400 naming the field, and the computed status against the
// account's today.

let user: TestUser;
let customer: { id: string; userId: string };

beforeAll(async () => {
  user = await signedInUser();
  customer = await customerFor(user, { name: "Agreements Co", status: "live" });
});

const path = () => `/api/customers/${customer.id}/agreements`;

async function post(body: unknown) {
  return api("POST", path(), { cookie: user.cookie, body });
}

/** Posts a body that must be refused: 400, issues on exactly these fields, nothing written. */
const expectRefused = (body: unknown, fields: string[]) => expectValidationRefusal(() => post(body), fields);

describe("creating each type with its pricing", () => {
  it.each([
    {
      type: "retainer",
      pricing: { amount: 1500, period: "month", hours_included: 20 },
      stored: { amount: "1500.00", period: "month", hours_included: 20 },
    },
    { type: "retainer", pricing: { amount: "4500.5", period: "quarter" }, stored: { amount: "4500.50", period: "quarter" } },
    { type: "retainer", pricing: { amount: 0.01, period: "year", hours_included: 0.29 }, stored: { amount: "0.01", period: "year", hours_included: 0.29 } },
    { type: "fixed_fee", pricing: { amount: "12000" }, stored: { amount: "12000.00" } },
    { type: "fixed_fee", pricing: { amount: "9999999999.99" }, stored: { amount: "9999999999.99" } },
    { type: "hourly", pricing: { rate: 95.5, hours_cap: "40" }, stored: { rate: "95.50", hours_cap: 40 } },
    { type: "hourly", pricing: { rate: "120" }, stored: { rate: "120.00" } },
    { type: "other", pricing: { note: "  Pro bono, reviewed yearly  " }, stored: { note: "Pro bono, reviewed yearly" } },
    { type: "other", pricing: undefined, stored: {} },
  ])("$type with $pricing → 201, pricing stored as $stored", async ({ type, pricing, stored }) => {
    const response = await post({ scope: `${type} work`, type, pricing, start_date: "2026-01-01", end_date: "2026-12-31", notice_days: 14 });
    expect(response.status).toBe(201);
    const { agreement } = await jsonOf<AgreementBody>(response);
    expect(agreement).toMatchObject({
      customer_id: customer.id,
      scope: `${type} work`,
      type,
      start_date: "2026-01-01",
      end_date: "2026-12-31",
      notice_days: 14,
      pricing: stored,
      override_status: null,
      renewal_of: null,
      billed: "0.00",
      paid: "0.00",
      outstanding: "0.00",
    });

    const read = await api("GET", `/api/agreements/${agreement.id}`, { cookie: user.cookie });
    expect(read.status).toBe(200);
    expect((await jsonOf<AgreementBody>(read)).agreement).toEqual(agreement);
    const list = await jsonOf<AgreementsBody>(await api("GET", path(), { cookie: user.cookie }));
    expect(list.agreements).toContainEqual(agreement);
  });

  it("answers the contract's shape, snake_case, with defaults filled in", async () => {
    const response = await post({ scope: "Defaults", pricing: { amount: 100, period: "month" } });
    expect(response.status).toBe(201);
    const { agreement } = await jsonOf<AgreementBody>(response);
    for (const key of ["id", "customer_id", "scope", "type", "start_date", "end_date", "notice_days", "pricing", "override_status", "status", "renewal_of", "billed", "paid", "outstanding", "created_at", "updated_at"]) {
      expect(agreement).toHaveProperty(key);
    }
    expect(agreement).toMatchObject({ type: "retainer", start_date: null, end_date: null, notice_days: 30, status: "active" });
    expect(agreement).not.toHaveProperty("user_id");
    expect(new Date(agreement.created_at!).toISOString()).toBe(agreement.created_at);
  });

  it("lists only this customer's agreements", async () => {
    const other = await customerFor(user, { name: "Someone else", status: "live" });
    const theirs = await createVia(user, other.id, { scope: "Not in the first list", type: "other" });
    const list = await jsonOf<AgreementsBody>(await api("GET", path(), { cookie: user.cookie }));
    expect(list.agreements.length).toBeGreaterThan(0);
    expect(list.agreements.every((agreement) => agreement.customer_id === customer.id)).toBe(true);
    const theirList = await jsonOf<AgreementsBody>(await api("GET", `/api/customers/${other.id}/agreements`, { cookie: user.cookie }));
    expect(theirList.agreements).toEqual([theirs]);
  });

  it("answers an empty list for a live customer with none", async () => {
    const empty = await customerFor(user, { name: "Empty", status: "lead" });
    const response = await api("GET", `/api/customers/${empty.id}/agreements`, { cookie: user.cookie });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({ agreements: [] });
  });
});

describe("money inside pricing", () => {
  const fixedFee = (amount: unknown) => ({ scope: "Money", type: "fixed_fee", pricing: { amount } });
  const hourly = (rate: unknown) => ({ scope: "Money", type: "hourly", pricing: { rate } });

  it.each([
    ["three decimals (text)", "10.005"],
    ["three decimals (number)", 10.005],
    ["negative (text)", "-5"],
    ["negative (number)", -5],
    ["zero", 0],
    ["zero with decimals", "0.00"],
    ["eleven integer digits", "12345678901"],
    ["eleven integer digits (number)", 12345678901],
    ["a float's noise", 0.1 + 0.2],
    ["an exponent", 1e21],
    ["not a number", "abc"],
    ["blank", "  "],
    ["true", true],
    ["null", null],
    ["an object", { value: 1 }],
  ])("refuses %s as pricing.amount", async (_label, amount) => {
    const issues = await expectRefused(fixedFee(amount), ["pricing.amount"]);
    expect(issues["pricing.amount"]![0]).toMatch(/Amount/);
  });

  it.each([["-0.01"], [0], ["1.999"], ["99999999999"]])("refuses %j as pricing.rate", async (rate) => {
    await expectRefused(hourly(rate), ["pricing.rate"]);
  });

  it("refuses a missing amount, naming it", async () => {
    const issues = await expectRefused({ scope: "Money", type: "fixed_fee", pricing: {} }, ["pricing.amount"]);
    expect(issues["pricing.amount"]).toEqual(["Amount is required"]);
  });

  it("takes numbers and strings alike, and answers two-decimal strings", async () => {
    const fromNumber = await createVia(user, customer.id, fixedFee(2500.1));
    const fromString = await createVia(user, customer.id, fixedFee(" 2,500.10 "));
    expect(fromNumber.pricing).toEqual({ amount: "2500.10" });
    expect(fromString.pricing).toEqual({ amount: "2500.10" });
  });
});

describe("validation: a 400 naming the field, nothing written", () => {
  it("end before start → end_date; the same day is fine", async () => {
    const issues = await expectRefused({ scope: "Dates", type: "other", start_date: "2026-05-02", end_date: "2026-05-01" }, ["end_date"]);
    expect(issues.end_date).toEqual(["End date cannot be before the start date"]);
    const sameDay = await createVia(user, customer.id, { scope: "Dates", type: "other", start_date: "2026-05-02", end_date: "2026-05-02" });
    expect(sameDay.end_date).toBe("2026-05-02");
  });

  it.each([
    ["start_date", "2026-02-30"],
    ["start_date", "2026-1-5"],
    ["end_date", "31/12/2026"],
    ["end_date", 20261231],
    ["start_date", "1899-12-31"],
    ["start_date", "2026-04-31"],
    ["start_date", "0"],
    ["end_date", "2026-05-01T10:00"],
  ])("%s %j is not a date", async (field, value) => {
    await expectRefused({ scope: "Dates", type: "other", [field]: value }, [field]);
  });

  it.each([[-1], [366], [1.5], ["abc"], [""], [null], [true], [[30]]])("notice_days %j → 400", async (notice) => {
    await expectRefused({ scope: "Notice", type: "other", notice_days: notice }, ["notice_days"]);
  });

  it.each([[0], [365], ["45"]])("notice_days %j is accepted", async (notice) => {
    const agreement = await createVia(user, customer.id, { scope: "Notice", type: "other", notice_days: notice });
    expect(agreement.notice_days).toBe(Number(notice));
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["too long", "x".repeat(501)],
    ["not text", 42],
    ["of only zero-width spaces", "\u200B\u200B"],
  ])("scope %s → 400", async (_label, scope) => {
    await expectRefused({ scope, type: "other" }, ["scope"]);
  });

  it("scope and pricing note lose the controls that would reorder them", async () => {
    const agreement = await createVia(user, customer.id, { scope: "Support \u202Eeulav", type: "other", pricing: { note: "\u2067by the hour\u2069" } });
    expect(agreement.scope).toBe("Support eulav");
    expect(agreement.pricing).toEqual({ note: "by the hour" });
  });

  it("scope of exactly 500 characters is accepted, trimmed", async () => {
    const agreement = await createVia(user, customer.id, { scope: ` ${"s".repeat(500)} `, type: "other" });
    expect(agreement.scope).toBe("s".repeat(500));
  });

  it("an unknown type → 400 on type", async () => {
    await expectRefused({ scope: "Type", type: "fixed" }, ["type"]);
  });

  describe("pricing must be exactly the type's fields (strict)", () => {
    it("a retainer priced like hourly", async () => {
      const issues = await expectRefused({ scope: "Strict", type: "retainer", pricing: { rate: 100 } }, ["pricing.rate", "pricing.amount", "pricing.period"]);
      expect(issues["pricing.rate"]).toEqual(["Unknown field"]);
    });

    it("a fixed fee with a period", async () => {
      await expectRefused({ scope: "Strict", type: "fixed_fee", pricing: { amount: 100, period: "month" } }, ["pricing.period"]);
    });

    it("hourly with an amount instead of a rate", async () => {
      await expectRefused({ scope: "Strict", type: "hourly", pricing: { amount: 100 } }, ["pricing.amount", "pricing.rate"]);
    });

    it("other with an amount", async () => {
      await expectRefused({ scope: "Strict", type: "other", pricing: { amount: 100 } }, ["pricing.amount"]);
    });

    it("a retainer with a period that is not one", async () => {
      await expectRefused({ scope: "Strict", type: "retainer", pricing: { amount: 100, period: "week" } }, ["pricing.period"]);
    });

    it("pricing that is not an object", async () => {
      await expectRefused({ scope: "Strict", type: "fixed_fee", pricing: "1000" }, ["pricing"]);
    });

    it.each([
      ["hours_included", -1],
      ["hours_included", 1.234],
      ["hours_included", 100_001],
      ["hours_included", null],
      ["hours_included", true],
      ["hours_included", ""],
    ])("retainer %s %j → 400 on it", async (field, value) => {
      await expectRefused({ scope: "Hours", type: "retainer", pricing: { amount: 100, period: "month", [field]: value } }, [`pricing.${field}`]);
    });

    it.each([[1.15], ["2.5"], [0]])("hourly hours_cap %j is accepted (two decimals are exact)", async (cap) => {
      const agreement = await createVia(user, customer.id, { scope: "Hours", type: "hourly", pricing: { rate: 10, hours_cap: cap } });
      expect(agreement.pricing).toEqual({ rate: "10.00", hours_cap: Number(cap) });
    });
  });

  it("an unknown top-level key is refused under its own name", async () => {
    const issues = await expectRefused({ scope: "Extra", type: "other", override_status: "terminated" }, ["override_status"]);
    expect(issues.override_status).toEqual(["Unknown field"]);
    await expectRefused({ scope: "Extra", type: "other", renewal_of: customer.id, customer_id: customer.id }, ["renewal_of", "customer_id"]);
  });

  it.each([
    ["malformed JSON", "{not json", "application/json"],
    ["an array", "[]", "application/json"],
    ["null", "null", "application/json"],
    ["a form post", "scope=x", "application/x-www-form-urlencoded"],
    ["no content type", '{"scope":"x"}', null],
  ])("%s → 400 on the root", async (_label, body, contentType) => {
    const before = await agreementsSnapshot();
    const response = await api("POST", path(), { cookie: user.cookie, body, contentType });
    expect(response.status).toBe(400);
    expect(Object.keys((await jsonOf<ErrorBody>(response)).issues!)).toEqual([""]);
    expect(await agreementsSnapshot()).toEqual(before);
  });

  it("a body over 256 KB → 413", async () => {
    const response = await post({ scope: "x", type: "other", pricing: { note: "n".repeat(300 * 1024) } });
    expect(response.status).toBe(413);
  });
});

describe("the computed status, against the account's today", () => {
  async function statusesFor(owner: TestUser, customerId: string) {
    const today = await todayOf(owner.id);
    const bodies = {
      upcoming: { start_date: addDays(today, 1) },
      active: { start_date: addDays(today, -10), end_date: addDays(today, 31), notice_days: 30 },
      expiring_soon: { start_date: addDays(today, -10), end_date: addDays(today, 30), notice_days: 30 },
      expired: { start_date: addDays(today, -100), end_date: addDays(today, -1) },
      suspended: { start_date: addDays(today, -10) },
      terminated: { start_date: addDays(today, -10) },
    };
    const created: Record<string, string> = {};
    for (const [status, dates] of Object.entries(bodies)) {
      const agreement = await createVia(owner, customerId, { scope: status, type: "other", ...dates });
      created[status] = agreement.id;
      if (status === "suspended") expect((await act(owner, agreement.id, "suspend")).status).toBe(200);
      else if (status === "terminated") expect((await act(owner, agreement.id, "terminate")).status).toBe(200);
      else expect(agreement.status).toBe(status);
    }
    return created;
  }

  it("answers each status in the item, the list and every response", async () => {
    const owner = await signedInUser();
    const own = await customerFor(owner, { name: "Statuses", status: "live" });
    const created = await statusesFor(owner, own.id);
    const list = await jsonOf<AgreementsBody>(await api("GET", `/api/customers/${own.id}/agreements`, { cookie: owner.cookie }));
    const byId = new Map(list.agreements.map((agreement) => [agreement.id, agreement.status]));
    for (const [status, id] of Object.entries(created)) {
      expect(byId.get(id), status).toBe(status);
      const one = await jsonOf<AgreementBody>(await api("GET", `/api/agreements/${id}`, { cookie: owner.cookie }));
      expect(one.agreement.status, status).toBe(status);
    }
  });

  it("uses the account's time zone where its date is not UTC's", async () => {
    const owner = await signedInUser();
    // At any moment one of these is on another calendar date than UTC.
    const utc = new Date().toISOString().slice(0, 10);
    const dateIn = (zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
    const zone = dateIn("Pacific/Kiritimati") !== utc ? "Pacific/Kiritimati" : "Pacific/Niue";
    await setTimeZone(owner.id, zone);
    const today = await todayOf(owner.id);
    expect(today).toBe(dateIn(zone));
    expect(today).not.toBe(utc);
    const own = await customerFor(owner, { name: "Far away", status: "live" });

    // Ahead of UTC: starting on the zone's today has started (UTC would say upcoming).
    // Behind UTC: ending on the zone's today with no notice is expiring (UTC would say expired).
    const body = today > utc ? { start_date: today } : { end_date: today, notice_days: 0 };
    const expected = today > utc ? "active" : "expiring_soon";
    const agreement = await createVia(owner, own.id, { scope: "Zoned", type: "other", ...body });
    expect(agreement.status).toBe(expected);
    const read = await jsonOf<AgreementBody>(await api("GET", `/api/agreements/${agreement.id}`, { cookie: owner.cookie }));
    expect(read.agreement.status).toBe(expected);

    // Termination defaults to the zone's today too.
    const terminated = await jsonOf<AgreementBody>(await act(owner, agreement.id, "terminate"));
    expect(terminated.agreement).toMatchObject({ status: "terminated", terminated_on: today, end_date: today });
  });
});
