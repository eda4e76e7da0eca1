import { test, expect, Page } from "@playwright/test";
import { axeEveryPage } from "../axe";

// The index's categories on the shipped data (850 vendors). Design & Creative holds 24
// vendors of the October 2026 release, 10 of which gate SCIM (Figma among them).

const caption = (page: Page) => page.locator("#vendors-caption");
const names = (page: Page) => page.locator("table.vendors tbody tr th a.vendor-link");
const path = "/categories/design-creative";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a category's table filters and sorts by a form that submits to the category", async ({ page }) => {
    await page.goto("/categories");
    await page.getByRole("link", { name: "Design & Creative" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Design & Creative");
    await expect(page.locator(".hero .lede")).toContainText("24 vendors:");
    await expect(caption(page)).toContainText("All 24 vendors.");
    await expect(page.locator("#cheapest-scim-title")).toBeVisible();

    await page.getByLabel("SCIM status").selectOption("gated");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}\\?.*status=gated`));
    await expect(caption(page)).toHaveText(/^10 of 24 vendors match\./);
    await expect(names(page).filter({ hasText: "Figma" })).toHaveCount(1);

    // A header sorts, keeping the filter, on the category's own address.
    await page.getByRole("button", { name: /^Vendor/ }).click();
    await expect(page).toHaveURL(new RegExp(`${path}\\?.*sort=-name`));
    await expect(caption(page)).toHaveText(/^10 of 24 vendors match\./);

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(caption(page)).toContainText("All 24 vendors.");
  });

  test("the categories sort by a link and a guide's alternatives link comparisons", async ({ page }) => {
    await page.goto("/categories");
    await page.getByRole("link", { name: /^Gate SCIM/ }).click();
    await expect(page).toHaveURL(/\/categories\?sort=gated$/);
    await page.getByRole("link", { name: /^Gate SCIM/ }).click();
    await expect(page).toHaveURL(/\/categories\?sort=-gated$/);
    await expect(page.locator("table.categories tbody tr").first()).toContainText("AI & LLM Tools");

    await page.goto("/vendors/figma?users=40");
    const section = page.locator("#alternatives");
    await expect(section).toContainText("How they are picked:");
    await section.locator("a.compare-link").first().click();
    await expect(page).toHaveURL(/\/compare\?vendors=figma,[a-z0-9-]+&users=40$/);
    await expect(page.locator("table.compare, .compare-table, table").first()).toBeVisible();
  });
});

test("with JavaScript a category's table follows the search box on the same page", async ({ page }) => {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByLabel("Vendor name").fill("figma");
  await expect(names(page)).toHaveText(["Figma"]);
  await expect(page).toHaveURL(new RegExp(`${path}\\?q=figma$`));
  await page.getByLabel("SCIM status").selectOption("gated");
  await expect(caption(page)).toHaveText(/^1 of 24 vendors match\./);
  await expect(page).toHaveURL(new RegExp(`${path}\\?q=figma&status=gated$`));
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

axeEveryPage(test, ["/categories", path, "/vendors/figma", "/stack?apps=figma:40,asana:30,zoom:20"]);
