import { describe, expect, it } from "vitest";
import { formatDate, formatDateIn, formatDateTime, formatMoney, formatRelativeTime, isoDateIn, toIsoString } from "./format";

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
    expect(formatRelativeTime(ago(elapsed), now, "UTC")).toBe(expected);
    // Elapsed time does not depend on the zone; only a date shown does.
    expect(formatRelativeTime(ago(elapsed), now, "Pacific/Kiritimati")).toBe(expected);
  });

  it("switches to a short date in the account's zone once a week has passed", () => {
    expect(formatRelativeTime(ago(7 * DAY), now, "UTC")).toBe("17 Nov 2026");
    expect(formatRelativeTime("2026-03-12T23:30:00.000Z", now, "UTC")).toBe("12 Mar 2026");
    // Already the 13th in Berlin, still the 12th in New York.
    expect(formatRelativeTime("2026-03-12T23:30:00.000Z", now, "Europe/Berlin")).toBe("13 Mar 2026");
    expect(formatRelativeTime("2026-03-13T03:30:00.000Z", now, "America/New_York")).toBe("12 Mar 2026");
  });

  it("accepts ISO strings as well as dates", () => {
    expect(formatRelativeTime(ago(3 * HOUR).toISOString(), now, "UTC")).toBe("3 hours ago");
  });

  it("says Never for a missing date and a dash for an unparseable one", () => {
    expect(formatRelativeTime(null, now, "UTC")).toBe("Never");
    expect(formatRelativeTime("not a date", now, "UTC")).toBe("—");
  });

  it("treats small clock skew as just now but shows real future dates", () => {
    expect(formatRelativeTime(ago(-30 * SECOND), now, "UTC")).toBe("just now");
    expect(formatRelativeTime(ago(-3 * DAY), now, "UTC")).toBe("27 Nov 2026");
  });
});

describe("formatDateTime / formatDateIn (an instant, in the account's zone)", () => {
  it.each([
    ["UTC", "24 Nov 2026, 23:30", "24 Nov 2026"],
    ["Europe/Berlin", "25 Nov 2026, 00:30", "25 Nov 2026"],
    ["America/New_York", "24 Nov 2026, 18:30", "24 Nov 2026"],
    ["Asia/Kathmandu", "25 Nov 2026, 05:15", "25 Nov 2026"],
    // A zone this engine does not know shows UTC rather than failing.
    ["Not/A_Zone", "24 Nov 2026, 23:30", "24 Nov 2026"],
  ])("in %s, 23:30 UTC on the 24th reads %j", (timeZone, dateTime, date) => {
    expect(formatDateTime("2026-11-24T23:30:00.000Z", timeZone)).toBe(dateTime);
    expect(formatDateIn("2026-11-24T23:30:00.000Z", timeZone)).toBe(date);
  });

  it("follows the zone's summer time", () => {
    expect(formatDateTime("2026-01-15T14:00:00.000Z", "America/New_York")).toBe("15 Jan 2026, 09:00");
    expect(formatDateTime("2026-07-15T13:00:00.000Z", "America/New_York")).toBe("15 Jul 2026, 09:00");
    // Both readings of Berlin's 02:30 on the night the clocks go back.
    expect(formatDateTime("2026-10-25T00:30:00.000Z", "Europe/Berlin")).toBe("25 Oct 2026, 02:30");
    expect(formatDateTime("2026-10-25T01:30:00.000Z", "Europe/Berlin")).toBe("25 Oct 2026, 02:30");
  });

  it("pads hours and minutes and uses a stable short month", () => {
    expect(formatDateTime(new Date("2026-09-05T04:07:00.000Z"), "UTC")).toBe("5 Sep 2026, 04:07");
  });

  it("renders a dash for missing or invalid dates", () => {
    expect(formatDateTime(null, "UTC")).toBe("—");
    expect(formatDateIn(null, "UTC")).toBe("—");
    expect(formatDateIn("garbage", "UTC")).toBe("—");
  });

  it("gives an ISO string for <time dateTime>", () => {
    expect(toIsoString("2026-11-24T14:05:00Z")).toBe("2026-11-24T14:05:00.000Z");
    expect(toIsoString(null)).toBeUndefined();
  });
});

describe("formatDate (a calendar date, which no zone moves)", () => {
  it("shows the day as written", () => {
    expect(formatDate("2026-01-01")).toBe("1 Jan 2026");
    expect(formatDate("2026-11-24")).toBe("24 Nov 2026");
  });

  it("renders a dash for missing or invalid dates", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("garbage")).toBe("—");
  });
});

describe("formatMoney", () => {
  it("formats euros with grouping and two decimals", () => {
    expect(formatMoney("1234.50", "EUR")).toBe("€1,234.50");
    expect(formatMoney("0", "EUR")).toBe("€0.00");
    expect(formatMoney("7.5", "EUR")).toBe("€7.50");
  });

  it("keeps the sign of negative amounts", () => {
    expect(formatMoney("-1234.50", "EUR")).toBe("-€1,234.50");
  });

  it("does not print a minus on zero", () => {
    expect(formatMoney("-0.00", "EUR")).toBe("€0.00");
  });

  it("keeps every digit of amounts too large for a double", () => {
    expect(formatMoney("12345678901.23", "EUR")).toBe("€12,345,678,901.23");
    // 2^53 is about 9.007e15: a float would round the cents here.
    expect(formatMoney("98765432109876543.21", "EUR")).toBe("€98,765,432,109,876,543.21");
  });

  it("rounds half up on the exact decimal, not on its binary approximation", () => {
    // 1.005 is 1.00499999… as a double, which would round down to €1.00.
    expect(formatMoney("1.005", "EUR")).toBe("€1.01");
  });

  it("honours another currency", () => {
    expect(formatMoney("10", "GBP")).toBe("£10.00");
  });

  it("shows a non-numeric value as it is rather than NaN", () => {
    expect(formatMoney("n/a", "EUR")).toBe("n/a");
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
