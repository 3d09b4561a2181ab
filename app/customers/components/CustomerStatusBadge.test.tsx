import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CUSTOMER_STATUSES, STATUS_LABELS } from "~/customers/constants";
import { CustomerStatusBadge, STATUS_BADGE_STYLES, UNKNOWN_STATUS_BADGE_STYLE } from "./CustomerStatusBadge";

const classesOf = (element: HTMLElement) => new Set(element.className.split(/\s+/));

describe("CustomerStatusBadge", () => {
  it.each(CUSTOMER_STATUSES)("shows the %s label with its own colours", (status) => {
    render(<CustomerStatusBadge status={status} />);
    const badge = screen.getByText(STATUS_LABELS[status]);
    const classes = classesOf(badge);
    for (const cls of STATUS_BADGE_STYLES[status].split(" ")) expect(classes).toContain(cls);
  });

  it("gives every status a different background and text colour", () => {
    const backgrounds = CUSTOMER_STATUSES.map((status) => STATUS_BADGE_STYLES[status].match(/\bbg-\S+/)?.[0]);
    const texts = CUSTOMER_STATUSES.map((status) => STATUS_BADGE_STYLES[status].match(/\btext-\S+/)?.[0]);
    expect(backgrounds.every(Boolean)).toBe(true);
    expect(texts.every(Boolean)).toBe(true);
    expect(new Set(backgrounds).size).toBe(CUSTOMER_STATUSES.length);
    expect(new Set(texts).size).toBe(CUSTOMER_STATUSES.length);
  });

  it("pairs a light background with dark text for contrast", () => {
    for (const status of CUSTOMER_STATUSES) {
      expect(STATUS_BADGE_STYLES[status]).toMatch(/\bbg-[a-z]+-(100|200)\b/);
      expect(STATUS_BADGE_STYLES[status]).toMatch(/\btext-[a-z]+-800\b/);
    }
  });

  it("falls back to a neutral pill with the raw value for an unknown status", () => {
    render(<CustomerStatusBadge status="churned" />);
    const badge = screen.getByText("churned");
    const classes = classesOf(badge);
    for (const cls of UNKNOWN_STATUS_BADGE_STYLE.split(" ")) expect(classes).toContain(cls);
    for (const status of CUSTOMER_STATUSES) {
      expect(STATUS_BADGE_STYLES[status]).not.toBe(UNKNOWN_STATUS_BADGE_STYLE);
    }
  });
});
