import { describe, expect, it } from "vitest";
import { changedByOthersMessage, mergeEdit, OPENED_WITH, openedWithOf } from "./edit-merge";

describe("mergeEdit, one field", () => {
  // opened: what the form showed; mine: what it posted; now: the row under its lock.
  it.each([
    ["nobody changed it", "a", "a", "a", { changed: [], conflicts: [], shown: "a" }],
    ["only I changed it", "a", "b", "a", { changed: ["f"], conflicts: [], shown: "b" }],
    ["I cleared it", "a", "", "a", { changed: ["f"], conflicts: [], shown: "" }],
    ["only someone else changed it", "a", "a", "c", { changed: [], conflicts: [], shown: "c" }],
    ["we both changed it the same way", "a", "b", "b", { changed: [], conflicts: [], shown: "b" }],
    ["we both changed it, differently", "a", "b", "c", { changed: [], conflicts: ["f"], shown: "b" }],
    ["I changed it, someone else cleared it", "a", "b", "", { changed: [], conflicts: ["f"], shown: "b" }],
    ["a textarea posted CRLF for the same text", "x\ny", "x\r\ny", "x\nz", { changed: [], conflicts: [], shown: "x\nz" }],
    ["blanks around the same text", "a", " a ", "c", { changed: [], conflicts: [], shown: "c" }],
  ])("%s", (_case, opened, mine, now, expected) => {
    const merge = mergeEdit(["f"], { opened: { f: opened }, mine: { f: mine }, current: { f: now } });
    expect({ changed: merge.changed, conflicts: merge.conflicts, shown: merge.merged.f }).toEqual(expected);
  });
});

describe("mergeEdit, a form", () => {
  const fields = ["about", "vertical", "persona"] as const;

  it("writes what I changed, keeps what someone else changed elsewhere", () => {
    const merge = mergeEdit(fields, {
      opened: { about: "Old", vertical: "Retail", persona: "" },
      mine: { about: "Old", vertical: "Fintech", persona: "" },
      current: { about: "New", vertical: "Retail", persona: "" },
    });
    expect(merge).toEqual({
      changed: ["vertical"],
      conflicts: [],
      merged: { about: "New", vertical: "Fintech", persona: "" },
      current: { about: "New", vertical: "Retail", persona: "" },
    });
  });

  it("without the opened values (a client that sends none), every field that differs is a change, as a full replace", () => {
    const merge = mergeEdit(fields, {
      opened: null,
      mine: { about: "Old", vertical: "Fintech", persona: "" },
      current: { about: "New", vertical: "Retail", persona: "CTO" },
    });
    expect(merge.changed).toEqual(["about", "vertical", "persona"]);
    expect(merge.conflicts).toEqual([]);
  });

  it("reads a missing field as empty", () => {
    const merge = mergeEdit(fields, { opened: {}, mine: { about: "Set" }, current: {} });
    expect(merge.changed).toEqual(["about"]);
    expect(merge.merged).toEqual({ about: "Set", vertical: "", persona: "" });
  });
});

describe("openedWithOf", () => {
  const posted = (value?: string) => {
    const form = new FormData();
    if (value !== undefined) form.set(OPENED_WITH, value);
    return form;
  };

  it("reads the listed fields, text only, missing ones empty", () => {
    expect(openedWithOf(posted(JSON.stringify({ about: "A", vertical: 7, extra: "x" })), ["about", "vertical", "persona"])).toEqual({
      about: "A",
      vertical: "",
      persona: "",
    });
  });

  it.each([[undefined], [""], ["not json"], ["[1,2]"], ["null"], ['"text"']])("takes %j for no opened values", (value) => {
    expect(openedWithOf(posted(value), ["about"])).toBeNull();
  });
});

describe("changedByOthersMessage", () => {
  it("quotes what the field reads now", () => {
    expect(changedByOthersMessage("About", "Makes gadgets")).toBe(
      "Someone else changed About since you opened this form: it now reads \u201cMakes gadgets\u201d.",
    );
  });

  it("says it was cleared", () => {
    expect(changedByOthersMessage("Vertical", "  ")).toBe("Someone else cleared Vertical since you opened this form.");
  });

  it("cuts a long text short", () => {
    const message = changedByOthersMessage("About", "word ".repeat(200));
    expect(message.length).toBeLessThan(400);
    expect(message).toMatch(/word…\u201d\.$/);
  });
});
