import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TabSection } from "./TabSection";

const empty = { title: "Nothing here yet", description: "Rows will appear here." };

describe("TabSection", () => {
  it("lists its rows in a section named by its heading", () => {
    render(
      <TabSection id="things" title="Things" isEmpty={false} empty={empty}>
        <p>row</p>
      </TabSection>,
    );
    expect(screen.getByRole("region", { name: "Things" })).toHaveTextContent("row");
    expect(screen.queryByText("Nothing here yet")).not.toBeInTheDocument();
  });

  it("shows the empty state instead when there are no rows", () => {
    render(
      <TabSection id="things" title="Things" isEmpty empty={empty}>
        <p>row</p>
      </TabSection>,
    );
    expect(screen.getByText("Nothing here yet")).toBeInTheDocument();
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(screen.queryByText("row")).not.toBeInTheDocument();
  });
});
