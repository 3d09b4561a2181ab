import { describe, expect, it } from "vitest";
import { dateTimeLocalValue, instantAt, usableTimeZone, wallClockAt, type WallClock } from "./time-zone";

/** "2026-03-29T02:30" as a wall clock, to keep the tables readable. */
function wall(value: string): WallClock {
  const [year, month, day, hour, minute] = value.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

describe("wallClockAt (instant → the clock on the wall in a zone)", () => {
  it.each([
    ["2026-11-24T23:30:00.000Z", "UTC", "2026-11-24T23:30"],
    ["2026-01-15T12:00:00.000Z", "Europe/Berlin", "2026-01-15T13:00"],
    ["2026-07-15T12:00:00.000Z", "Europe/Berlin", "2026-07-15T14:00"],
    // A day behind, and a day ahead, of UTC.
    ["2026-11-25T03:30:00.000Z", "America/New_York", "2026-11-24T22:30"],
    ["2026-11-24T12:00:00.000Z", "Pacific/Kiritimati", "2026-11-25T02:00"],
    // Offsets that are not whole hours.
    ["2026-11-24T12:00:00.000Z", "Asia/Kolkata", "2026-11-24T17:30"],
    ["2026-11-24T12:00:00.000Z", "Asia/Kathmandu", "2026-11-24T17:45"],
    // Both sides of Berlin's spring change (01:00 UTC) and autumn change (01:00 UTC).
    ["2026-03-29T00:59:00.000Z", "Europe/Berlin", "2026-03-29T01:59"],
    ["2026-03-29T01:00:00.000Z", "Europe/Berlin", "2026-03-29T03:00"],
    ["2026-10-25T00:30:00.000Z", "Europe/Berlin", "2026-10-25T02:30"],
    ["2026-10-25T01:30:00.000Z", "Europe/Berlin", "2026-10-25T02:30"],
  ])("%s in %s reads %s", (instant, zone, expected) => {
    expect(dateTimeLocalValue(new Date(instant), zone)).toBe(expected);
    expect(wallClockAt(new Date(instant), zone)).toEqual(wall(expected));
  });

  it("reads a zone the engine does not know as UTC rather than failing", () => {
    expect(usableTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(usableTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(dateTimeLocalValue(new Date("2026-11-24T23:30:00.000Z"), "Mars/Olympus_Mons")).toBe("2026-11-24T23:30");
  });
});

describe("instantAt (a wall-clock time typed in a zone → the instant)", () => {
  it.each([
    ["2026-03-29T02:30", "UTC", "2026-03-29T02:30:00.000Z"],
    ["2026-01-15T09:00", "America/New_York", "2026-01-15T14:00:00.000Z"],
    ["2026-07-15T09:00", "America/New_York", "2026-07-15T13:00:00.000Z"],
    ["2026-01-15T09:00", "Europe/Berlin", "2026-01-15T08:00:00.000Z"],
    ["2026-01-01T00:30", "Pacific/Kiritimati", "2025-12-31T10:30:00.000Z"],
    ["2026-11-24T17:45", "Asia/Kathmandu", "2026-11-24T12:00:00.000Z"],
  ])("%s in %s is %s", (typed, zone, instant) => {
    expect(instantAt(wall(typed), zone).toISOString()).toBe(instant);
  });

  // A time the clocks skip (spring forward) moves on by the length of the gap,
  // as Temporal's "compatible" reading does: 02:30 on a night that goes from
  // 02:00 to 03:00 is 03:30, the same 30 minutes after the change.
  it.each([
    ["2026-03-29T02:00", "Europe/Berlin", "2026-03-29T01:00:00.000Z", "2026-03-29T03:00"],
    ["2026-03-29T02:30", "Europe/Berlin", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30"],
    ["2026-03-29T02:59", "Europe/Berlin", "2026-03-29T01:59:00.000Z", "2026-03-29T03:59"],
    ["2026-03-08T02:30", "America/New_York", "2026-03-08T07:30:00.000Z", "2026-03-08T03:30"],
    // Lord Howe Island springs forward by half an hour, 02:00 → 02:30.
    ["2026-10-04T02:15", "Australia/Lord_Howe", "2026-10-03T15:45:00.000Z", "2026-10-04T02:45"],
  ])("in the gap, %s in %s is %s (%s there)", (typed, zone, instant, shown) => {
    const result = instantAt(wall(typed), zone);
    expect(result.toISOString()).toBe(instant);
    expect(dateTimeLocalValue(result, zone)).toBe(shown);
  });

  // A time the clocks show twice (fall back) is the first of the two: still
  // on summer time, before the clocks went back.
  it.each([
    ["2026-10-25T02:30", "Europe/Berlin", "2026-10-25T00:30:00.000Z"],
    ["2026-10-25T02:00", "Europe/Berlin", "2026-10-25T00:00:00.000Z"],
    ["2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["2026-04-05T01:45", "Australia/Lord_Howe", "2026-04-04T14:45:00.000Z"],
  ])("in the overlap, %s in %s is the earlier %s", (typed, zone, instant) => {
    expect(instantAt(wall(typed), zone).toISOString()).toBe(instant);
  });

  it("just outside the gap and the overlap, times are read as they are", () => {
    expect(instantAt(wall("2026-03-29T01:59"), "Europe/Berlin").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(instantAt(wall("2026-03-29T03:00"), "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(instantAt(wall("2026-10-25T03:00"), "Europe/Berlin").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(instantAt(wall("2026-10-25T01:59"), "Europe/Berlin").toISOString()).toBe("2026-10-24T23:59:00.000Z");
  });

  it("reads a zone the engine does not know as UTC", () => {
    expect(instantAt(wall("2026-01-15T09:00"), "Mars/Olympus_Mons").toISOString()).toBe("2026-01-15T09:00:00.000Z");
  });

  it("gives back the wall clock it was given, for every half hour of a year in zones with changes", () => {
    for (const zone of ["Europe/Berlin", "Australia/Lord_Howe", "America/Santiago"]) {
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 30 * 60_000) {
        const shown = wallClockAt(new Date(time), zone);
        expect(wallClockAt(instantAt(shown, zone), zone)).toEqual(shown);
      }
    }
  });
});
