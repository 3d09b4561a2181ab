import { email, isCalendarDate, isoDate, isoDateTime, longText, money, readWallClock, requiredText, shortText, url } from "./fields";

describe("money", () => {
  const schema = money("Amount");
  it.each([
    ["1500", "1500.00"],
    ["1,500.5", "1500.50"],
    [" 0.01 ", "0.01"],
    ["0", "0.00"],
    ["007.10", "7.10"],
    ["9999999999.99", "9999999999.99"],
  ])("reads %j as the exact decimal %j", (input, expected) => {
    expect(schema.parse(input)).toBe(expected);
  });

  it.each(["", "-1", "1.005", "1e3", "12345678901", "abc", "1.2.3", "NaN", -5, 1e21, 0.1 + 0.2, Number.NaN])("refuses %j", (input) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
  });

  it.each([true, null, {}, [1500]])("names the field when %j is not an amount at all", (input) => {
    expect(schema.safeParse(input).error?.issues.map((issue) => issue.message)).toEqual(["Amount must be an amount"]);
  });

  it("says an amount left out is required", () => {
    expect(schema.safeParse(undefined).error?.issues.map((issue) => issue.message)).toEqual(["Amount is required"]);
  });

  it("reads a JSON number from its shortest text form", () => {
    expect(schema.parse(1500)).toBe("1500.00");
    expect(schema.parse(0.3)).toBe("0.30");
  });

  it("refuses zero only when the amount must be positive", () => {
    expect(money("Amount", { positive: true }).safeParse("0.00").error?.issues[0]?.message).toBe("Amount must be more than zero");
    expect(money("Amount", { positive: true }).parse("0.01")).toBe("0.01");
    expect(schema.parse("0")).toBe("0.00");
  });
});

describe("isoDate", () => {
  it.each(["2026-02-28", "2024-02-29", "1900-01-01", "2200-12-31"])("takes %s", (value) => {
    expect(isoDate().parse(value)).toBe(value);
  });
  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-01", "2026-1-01", "1899-12-31", "2201-01-01", "0", "tomorrow", "2026-03-01T10:00"])(
    "refuses %s",
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
      expect(isoDate("Start date").safeParse(value).error?.issues[0]?.message).toBe(
        "Start date must be a real date (YYYY-MM-DD)",
      );
    },
  );
});

describe("isoDateTime", () => {
  // A wall clock, not an instant: the account's time zone makes it one.
  it.each([
    ["2026-02-28T10:00", { year: 2026, month: 2, day: 28, hour: 10, minute: 0 }],
    ["2024-02-29T23:59", { year: 2024, month: 2, day: 29, hour: 23, minute: 59 }],
    ["1900-01-01T00:00", { year: 1900, month: 1, day: 1, hour: 0, minute: 0 }],
    [" 2200-12-31T23:59 ", { year: 2200, month: 12, day: 31, hour: 23, minute: 59 }],
  ])("reads %j as the wall clock %j", (value, wall) => {
    expect(isoDateTime().parse(value)).toEqual(wall);
  });

  // What Date.parse would quietly turn into another day, or read at all.
  it.each([
    "2026-02-30T10:00",
    "2025-02-29T10:00",
    "2026-04-31T10:00",
    "2026-13-01T10:00",
    "2026-00-10T10:00",
    "2026-03-01T24:00",
    "2026-03-01T10:60",
    "2026-03-01T9:00",
    "2026-03-01",
    "2026-03-01T10:00:00",
    "2026-03-01T10:00Z",
    "2026-03-01T10:00:00.000Z",
    "2026-03-01 10:00",
    "1899-12-31T23:59",
    "2201-01-01T00:00",
    "0",
    "-1",
    "1e12",
    "now",
  ])("refuses %s", (value) => {
    expect(readWallClock(value, { withTime: true })).toBeNull();
    expect(isoDateTime("Event date").safeParse(value).error?.issues.map((issue) => issue.message)).toEqual([
      "Event date must be a real date and time (YYYY-MM-DDTHH:MM)",
    ]);
  });

  it("is the same reading as isoDate, with a time", () => {
    expect(readWallClock("2026-02-28", { withTime: false })).toEqual({ year: 2026, month: 2, day: 28, hour: 0, minute: 0 });
    expect(readWallClock("2026-02-28T10:00", { withTime: false })).toBeNull();
    expect(readWallClock("2026-02-29", { withTime: false })).toBeNull();
  });
});

describe("text fields", () => {
  it("trims and caps short and long text with the label in the message", () => {
    expect(shortText("Role").parse("  Lead  ")).toBe("Lead");
    expect(shortText("Role").safeParse("x".repeat(201)).error?.issues[0]?.message).toBe(
      "Role must be at most 200 characters",
    );
    expect(longText("Notes").safeParse("x".repeat(5000)).success).toBe(true);
    expect(longText("Notes").safeParse("x".repeat(5001)).success).toBe(false);
  });

  it("requires a visible value for required text", () => {
    expect(requiredText("Title").safeParse("   ").error?.issues[0]?.message).toBe("Title is required");
  });

  it("takes only web addresses and valid emails", () => {
    expect(url().safeParse("https://example.com").success).toBe(true);
    expect(url().safeParse("javascript:alert(1)").success).toBe(false);
    expect(email().safeParse("a@example.com").success).toBe(true);
    expect(email().safeParse("not an email").success).toBe(false);
  });
});

describe("text a person reads", () => {
  const text = { shortText: shortText("Role"), longText: longText("Role"), requiredText: requiredText("Role") };
  const builders = Object.entries(text);

  it.each(builders)("%s refuses NUL as a field error, naming the field", (_name, schema) => {
    expect(schema.safeParse("Lead\u0000").error?.issues.map((issue) => issue.message)).toEqual(["Role contains characters that cannot be stored"]);
  });

  it.each(builders)("%s refuses an unpaired surrogate the same way", (_name, schema) => {
    expect(schema.safeParse("Le\udcffad").error?.issues.map((issue) => issue.message)).toEqual(["Role contains characters that cannot be stored"]);
  });

  it.each(builders)("%s takes out the controls that reorder text, and trims what is left", (_name, schema) => {
    expect(schema.parse("abc\u202Edef")).toBe("abcdef");
    expect(schema.parse(" \u2067\u202Bשלום\u202C\u2069 ")).toBe("שלום");
    expect(schema.parse("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x")).toBe("x");
  });

  it.each(builders)("%s keeps the direction marks right-to-left writing needs", (_name, schema) => {
    expect(schema.parse("(שלום)\u200F")).toBe("(שלום)\u200F");
    expect(schema.parse("\u061Cمرحبا")).toBe("\u061Cمرحبا");
  });

  it.each([
    ["zero-width spaces", "\u200B\u200B"],
    ["direction marks", "\u200E\u200F\u061C"],
    ["a word joiner and a soft hyphen", "\u2060\u00AD"],
    ["Hangul fillers", "\u3164\u115F\uFFA0"],
    ["a blank Braille pattern", "\u2800"],
    ["a combining accent alone", "\u0301"],
    ["a zero-width space behind an override", "\u202E\u200B"],
  ])("%s are not a value: refused with the field named", (_label, value) => {
    for (const [, schema] of builders) {
      expect(schema.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual(["Role must contain a visible character"]);
    }
  });

  it.each([
    ["a family emoji (joined by zero-width joiners)", "👩‍👩‍👧‍👦"],
    ["a Persian word with a zero-width non-joiner", "می‌خواهم"],
    ["a letter with a combining accent", "e\u0301"],
    ["a heart with its emoji presentation selector", "❤️"],
    ["a single digit", "7"],
    ["punctuation", "—"],
  ])("takes %s", (_label, value) => {
    for (const [, schema] of builders) expect(schema.parse(value)).toBe(value);
  });

  it("reads a value that was only reordering controls as empty: cleared when optional, missing when required", () => {
    expect(shortText("Role").parse("\u202E")).toBe("");
    expect(requiredText("Role").safeParse(" \u2066\u2069 ").error?.issues.map((issue) => issue.message)).toEqual(["Role is required"]);
  });

  it("holds a web address to the same rules", () => {
    expect(url().parse("https://example.com/\u202Efdp.exe")).toBe("https://example.com/fdp.exe");
    expect(url("Website").safeParse("https://example.com/\u0000").error?.issues.map((issue) => issue.message)).toEqual([
      "Website contains characters that cannot be stored",
    ]);
  });
});
