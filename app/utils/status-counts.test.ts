import { statusCounts } from "./status-counts";

describe("statusCounts", () => {
  it("has every status at 0 and all at 0 with no rows", () => {
    expect(statusCounts(["a", "b"])).toEqual({ a: 0, b: 0, all: 0 });
  });

  it("takes each row's count, sums them in all, and counts an unknown status in all only", () => {
    expect(statusCounts(["a", "b"], [{ status: "b", n: 3 }, { status: "zzz", n: 2 }])).toEqual({ a: 0, b: 3, all: 5 });
  });
});
