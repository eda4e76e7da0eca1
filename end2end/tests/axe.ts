import { expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Runs axe on the page as it is and fails with each violation's rule and first nodes. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

/** One test per page and colour scheme: load, wait for hydration, run axe. */
export function axeEveryPage(test: typeof import("@playwright/test").test, pages: string[], label = "") {
  for (const scheme of ["light", "dark"] as const) {
    for (const path of pages) {
      test(`axe finds no violations${label} on ${path} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
        await expectNoAxeViolations(page);
      });
    }
  }
}
