import { describe, expect, it } from "vitest";
import { panelFromSearch, panelHref, panelOfFailure, samePanel, type AgreementPanel } from "./panels";

const id = "0b7f0c3e-8a8e-4a0c-9a49-3f1b2c4d5e6f";

describe("agreement panels in the URL", () => {
  it.each<[AgreementPanel, string]>([
    [{ kind: "new" }, "?new"],
    [{ kind: "edit", agreementId: id }, `?edit=${id}`],
    [{ kind: "terminate", agreementId: id }, `?confirm=terminate&agreementId=${id}`],
    [{ kind: "delete", agreementId: id }, `?confirm=delete&agreementId=${id}`],
  ])("%o is %s, and reads back", (panel, href) => {
    expect(panelHref(panel)).toBe(href);
    expect(panelFromSearch(new URLSearchParams(href))).toEqual(panel);
  });

  it.each(["", "?confirm=launch&agreementId=x", "?confirm=renew", "?edit="])("%j opens nothing", (search) => {
    expect(panelFromSearch(new URLSearchParams(search))).toBeNull();
  });
});

describe("the panel a failed post reopens", () => {
  it.each([
    [{ intent: "create-agreement", agreementId: null }, { kind: "new" }],
    [{ intent: "update-agreement", agreementId: id }, { kind: "edit", agreementId: id }],
    [{ intent: "renew-agreement", agreementId: id }, { kind: "renew", agreementId: id }],
    [{ intent: "terminate-agreement", agreementId: null }, null],
  ] as const)("%o → %o", (failure, panel) => {
    expect(panelOfFailure(failure)).toEqual(panel);
  });

  it("tells panels apart by kind and agreement", () => {
    expect(samePanel({ kind: "new" }, { kind: "new" })).toBe(true);
    expect(samePanel({ kind: "renew", agreementId: id }, { kind: "renew", agreementId: id })).toBe(true);
    expect(samePanel({ kind: "renew", agreementId: id }, { kind: "delete", agreementId: id })).toBe(false);
    expect(samePanel({ kind: "renew", agreementId: id }, { kind: "renew", agreementId: "other" })).toBe(false);
    expect(samePanel({ kind: "new" }, null)).toBe(false);
  });
});
