import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatRelativeTime, isoDateIn, toIsoString } from "./format";

const now = new Date("2026-11-24T14:05:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatRelativeTime", () => {
  it.each([
    [0, "just now"],
    [59 * SECOND, "just now"],
    [60 * SECOND, "1 minute ago"],
    [5 * MINUTE + 30 * SECOND, "5 minutes ago"],
    [59 * MINUTE + 59 * SECOND, "59 minutes ago"],
    [HOUR, "1 hour ago"],
    [3 * HOUR, "3 hours ago"],
    [DAY - SECOND, "23 hours ago"],
    [DAY, "yesterday"],
    [2 * DAY - SECOND, "yesterday"],
    [2 * DAY, "2 days ago"],
    [4 * DAY, "4 days ago"],
    [7 * DAY - SECOND, "6 days ago"],
  ])("%i ms ago reads %j", (elapsed, expected) => {
    expect(formatRelativeTime(ago(elapsed), now)).toBe(expected);
  });

  it("switches to a short UTC date once a week has passed", () => {
    expect(formatRelativeTime(ago(7 * DAY), now)).toBe("17 Nov 2026");
    expect(formatRelativeTime("2026-03-12T23:30:00.000Z", now)).toBe("12 Mar 2026");
  });

  it("accepts ISO strings as well as dates", () => {
    expect(formatRelativeTime(ago(3 * HOUR).toISOString(), now)).toBe("3 hours ago");
  });

  it("says Never for a missing date and a dash for an unparseable one", () => {
    expect(formatRelativeTime(null, now)).toBe("Never");
    expect(formatRelativeTime("not a date", now)).toBe("—");
  });

  it("treats small clock skew as just now but shows real future dates", () => {
    expect(formatRelativeTime(ago(-30 * SECOND), now)).toBe("just now");
    expect(formatRelativeTime(ago(-3 * DAY), now)).toBe("27 Nov 2026");
  });
});

describe("formatDate / formatDateTime", () => {
  it("formats in UTC whatever the process timezone", () => {
    // 23:30 UTC is already the next day east of Greenwich; UTC keeps it on the 24th.
    expect(formatDate("2026-11-24T23:30:00.000Z")).toBe("24 Nov 2026");
    expect(formatDateTime("2026-11-24T23:30:00.000Z")).toBe("24 Nov 2026, 23:30");
  });

  it("pads hours and minutes and uses a stable short month", () => {
    expect(formatDateTime(new Date("2026-09-05T04:07:00.000Z"))).toBe("5 Sep 2026, 04:07");
    expect(formatDate("2026-01-01")).toBe("1 Jan 2026");
  });

  it("renders a dash for missing or invalid dates", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("garbage")).toBe("—");
    expect(formatDateTime(null)).toBe("—");
  });

  it("gives an ISO string for <time dateTime>", () => {
    expect(toIsoString("2026-11-24T14:05:00Z")).toBe("2026-11-24T14:05:00.000Z");
    expect(toIsoString(null)).toBeUndefined();
  });
});

describe("formatMoney", () => {
  it("formats euros with grouping and two decimals", () => {
    expect(formatMoney("1234.50")).toBe("€1,234.50");
    expect(formatMoney("0")).toBe("€0.00");
    expect(formatMoney("7.5")).toBe("€7.50");
  });

  it("keeps the sign of negative amounts", () => {
    expect(formatMoney("-1234.50")).toBe("-€1,234.50");
  });

  it("does not print a minus on zero", () => {
    expect(formatMoney("-0.00")).toBe("€0.00");
  });

  it("keeps every digit of amounts too large for a double", () => {
    expect(formatMoney("12345678901.23")).toBe("€12,345,678,901.23");
    // 2^53 is about 9.007e15: a float would round the cents here.
    expect(formatMoney("98765432109876543.21")).toBe("€98,765,432,109,876,543.21");
  });

  it("rounds half up on the exact decimal, not on its binary approximation", () => {
    // 1.005 is 1.00499999… as a double, which would round down to €1.00.
    expect(formatMoney("1.005")).toBe("€1.01");
  });

  it("honours another currency", () => {
    expect(formatMoney("10", "GBP")).toBe("£10.00");
  });

  it("shows a non-numeric value as it is rather than NaN", () => {
    expect(formatMoney("n/a")).toBe("n/a");
  });
});

describe("isoDateIn", () => {
  const instant = new Date("2026-11-24T23:30:00.000Z");
  it.each([
    ["UTC", "2026-11-24"],
    ["Europe/Paris", "2026-11-25"],
    ["America/Los_Angeles", "2026-11-24"],
    ["Pacific/Kiritimati", "2026-11-25"],
    ["Not/A_Zone", "2026-11-24"],
  ])("in %s it is %s", (timeZone, expected) => {
    expect(isoDateIn(timeZone, instant)).toBe(expected);
  });
});
