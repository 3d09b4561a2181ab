import { describe, expect, it } from "vitest";
import { panelFromSearch, panelHref, panelOfFailure, type ReceivablePanel } from "./panels";

const id = "11111111-1111-4111-8111-111111111111";

describe("receivables panels", () => {
  it.each<ReceivablePanel>([
    { kind: "new-invoice" },
    { kind: "record-payment", invoiceId: null },
    { kind: "record-payment", invoiceId: id },
    { kind: "edit-invoice", receivableId: id },
    { kind: "apply-payment", receivableId: id },
    { kind: "void-invoice", receivableId: id },
    { kind: "delete-invoice", receivableId: id },
    { kind: "void-payment", receivableId: id },
  ])("%o survives the round trip through its URL", (panel) => {
    expect(panelFromSearch(new URLSearchParams(panelHref(panel)))).toEqual(panel);
  });

  it("ignores what it does not know", () => {
    expect(panelFromSearch(new URLSearchParams("?confirm=drop-tables&receivableId=x"))).toBeNull();
    expect(panelFromSearch(new URLSearchParams("?new=refund"))).toBeNull();
  });

  it("reopens the form that failed, and none for a row's Send", () => {
    expect(panelOfFailure({ intent: "record-payment", receivableId: null, invoiceId: id })).toEqual({ kind: "record-payment", invoiceId: id });
    expect(panelOfFailure({ intent: "void-payment", receivableId: id })).toEqual({ kind: "void-payment", receivableId: id });
    expect(panelOfFailure({ intent: "send-invoice", receivableId: id, message: "No." })).toBeNull();
  });
});
