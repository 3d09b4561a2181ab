import { decodeUtf8MarkingInvalid, parseUrlEncoded } from "./form-decoding.server";

const bytes = (...parts: Array<string | number[]>) => {
  const chunks = parts.map((part) => (typeof part === "string" ? new TextEncoder().encode(part) : Uint8Array.from(part)));
  return Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
};

describe("parseUrlEncoded", () => {
  // Whatever a browser sends is read exactly as the platform's parser reads it.
  it.each([
    "name=Acme+Corp&status=lead",
    "a=1&a=2&b=",
    "&&a=1&&",
    "novalue&=empty-name&x==y",
    "pct=100%&bad=%zz&half=%4&plus=%2B&amp=%26&eq=%3D",
    "caf%C3%A9=%E2%9C%93&emoji=%F0%9F%A6%84",
    "raw=café ✓ 🦄",
    "bom=%EF%BB%BFx",
    "upper=%C3%A9&lower=%c3%a9",
    "",
  ])("%j as URLSearchParams does", (body) => {
    expect(parseUrlEncoded(new TextEncoder().encode(body))).toEqual([...new URLSearchParams(body)]);
  });

  it("marks each byte that is not UTF-8 with a NUL, in names and values, and keeps the rest", () => {
    expect(parseUrlEncoded(bytes("name=Caf%C3%A9%FF&", [0xc3], "=x&status=lead"))).toEqual([
      ["name", "Café\u0000"],
      ["\u0000", "x"],
      ["status", "lead"],
    ]);
  });
});

describe("decodeUtf8MarkingInvalid", () => {
  it.each([
    ["a lone continuation byte", [0x61, 0x80, 0x62], "a\u0000b"],
    ["a truncated sequence", [0xe2, 0x9c], "\u0000\u0000"],
    ["an overlong slash", [0xc0, 0xaf], "\u0000\u0000"],
    ["an overlong three-byte form", [0xe0, 0x80, 0xaf], "\u0000\u0000\u0000"],
    ["an encoded surrogate (CESU-8)", [0xed, 0xa0, 0x80], "\u0000\u0000\u0000"],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80], "\u0000\u0000\u0000\u0000"],
    ["bytes that are never UTF-8", [0xfe, 0xff], "\u0000\u0000"],
    ["valid text around a bad byte", [0xe2, 0x9c, 0x93, 0xff, 0xf0, 0x9f, 0xa6, 0x84], "✓\u0000🦄"],
  ])("%s", (_label, input, expected) => {
    expect(decodeUtf8MarkingInvalid(Uint8Array.from(input))).toBe(expected);
  });

  it("is the platform's decoder on valid UTF-8, a leading byte order mark kept", () => {
    const text = "\uFEFFplain, é, ✓, 🦄, \u0000 itself";
    expect(decodeUtf8MarkingInvalid(new TextEncoder().encode(text))).toBe(text);
  });
});
