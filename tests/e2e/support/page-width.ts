import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A phone and a laptop: the widths every page must fit without scrolling sideways. */
export const WIDTHS = [375, 1280] as const;

/** Waits until the page's scripts have run and React has hydrated it (with JavaScript). */
export async function settled(page: Page, isJs: boolean): Promise<void> {
  await page.waitForLoadState("networkidle");
  if (isJs) {
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
}

/**
 * What reaches past the right edge, so a failure names its culprit: the
 * innermost elements whose box does, or whose text spills out of a box that
 * does not (overflow-x visible), leaving out what a scrolling or clipping
 * ancestor keeps in.
 */
function pastTheEdge(page: Page): Promise<string> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const spills = (element: Element) =>
      element.getBoundingClientRect().right > edge + 0.5 ||
      (getComputedStyle(element).overflowX === "visible" && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0);
    const wide = [...document.body.querySelectorAll("*")].filter((element) => spills(element) && !clipped(element));
    const innermost = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
    return innermost
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> ${(element.textContent ?? "").slice(0, 40)}`)
      .join(", ");
  });
}

/**
 * Opens `path` at each of WIDTHS and fails if it answers a 5xx or if anything
 * on it is wider than the screen (the document scrolls sideways).
 */
export async function visitAtEveryWidth(page: Page, isJs: boolean, path: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(path);
    expect(response?.status(), `${path} answered`).toBeLessThan(500);
    await settled(page, isJs);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const culprits = overflow > 0 ? `; past the edge: ${await pastTheEdge(page)}` : "";
    // Soft: one run names every page that overflows, not just the first.
    expect.soft(overflow, `${path} scrolls sideways at ${width} px${culprits}`).toBeLessThanOrEqual(0);
  }
}
