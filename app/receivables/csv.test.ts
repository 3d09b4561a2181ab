import { parseCsv } from "../../tests/support/csv-parse";
import { csvText, csvValue, encodeCsvField, encodeCsvRecord, fileSlug } from "./csv";

describe("encodeCsvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
    ["crlf\r\ninside", '"crlf\r\ninside"'],
    ["Ünïcødé — 日本語 🎉", "Ünïcødé — 日本語 🎉"],
    [" spaced ", " spaced "],
  ])("writes the text %j as %j", (text, expected) => {
    expect(encodeCsvField(csvText(text))).toBe(expected);
  });

  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    ["\rreturn", "\"'\rreturn\""],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["a=b", "a=b"],
    ["'quoted already", "'quoted already"],
  ])("guards the text %j against formulas as %j", (text, expected) => {
    expect(encodeCsvField(csvText(text))).toBe(expected);
  });

  it("leaves values the app wrote alone: a negative amount stays a number", () => {
    expect(encodeCsvField(csvValue("-20.00"))).toBe("-20.00");
    expect(encodeCsvField(csvValue("1500.00"))).toBe("1500.00");
    expect(encodeCsvField(csvValue("2026-05-31"))).toBe("2026-05-31");
  });

  it("writes null as an empty field", () => {
    expect(encodeCsvField(csvText(null))).toBe("");
    expect(encodeCsvField(csvValue(null))).toBe("");
  });
});

describe("encodeCsvRecord", () => {
  it("joins with commas and ends with CRLF", () => {
    expect(encodeCsvRecord([csvValue("a"), csvText("b,c"), csvValue(null)])).toBe('a,"b,c",\r\n');
  });

  it("reads back as it was written, guard aside", () => {
    const texts = ["x", 'q"uote', "multi\r\nline", "comma, here", "", "Ærøskøbing ✓", "=1+1"];
    const file = encodeCsvRecord(texts.map(csvText)) + encodeCsvRecord(texts.map(csvText));
    const records = parseCsv(file);
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual(["x", 'q"uote', "multi\r\nline", "comma, here", "", "Ærøskøbing ✓", "'=1+1"]);
  });
});

describe("fileSlug", () => {
  it.each([
    ["Acme Corp.", "acme-corp"],
    ["Émile & Søn", "emile-s-n"],
    ["  --  ", "customer"],
    ["日本", "customer"],
    ["a".repeat(80), "a".repeat(50)],
  ])("%j → %j", (name, expected) => {
    expect(fileSlug(name, "customer")).toBe(expected);
  });
});
