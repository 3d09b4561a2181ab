import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MarkdownContent } from "./MarkdownContent";

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "[x](javascript:alert(1))",
  "[x](data:text/html,<b>x</b>)",
  "[x](vbscript:msgbox(1))",
  '[x](https://ok.example"onmouseover="alert(1))',
];

describe("MarkdownContent", () => {
  it.each(PAYLOADS)("leaves %j inert in the DOM", (payload) => {
    const { container } = render(<MarkdownContent source={payload} />);
    expect(container.querySelectorAll("script, img, svg, iframe, style")).toHaveLength(0);
    for (const element of container.querySelectorAll("*")) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/);
    }
    for (const link of container.querySelectorAll("a")) expect(link.getAttribute("href")).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it("says so when there is no content", () => {
    const { container } = render(<MarkdownContent source={"  \n"} />);
    expect(container).toHaveTextContent("No content yet.");
  });
});
