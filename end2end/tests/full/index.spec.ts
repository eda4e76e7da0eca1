import { test, expect, Page } from "@playwright/test";
import { axeEveryPage } from "../axe";

// The shipped data with the SCIM Tax Index placed: 850 vendors (the "full" project's
// server). Counts come from the October 2026 release's file: `idp_okta` is `native` on 199
// rows, 73 of them of high confidence.

const caption = (page: Page) => page.locator("#vendors-caption");
const names = (page: Page) => page.locator("table.vendors tbody tr th a.vendor-link");

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home table pages 850 vendors and filters by a form that submits", async ({ page }) => {
    await page.goto("/");
    await expect(caption(page)).toContainText("All 850 vendors. Showing 1–100, page 1 of 9.");
    await expect(names(page)).toHaveCount(100);

    await page.getByLabel("Native app in (the index's rating)").selectOption("okta");
    await page.getByRole("button", { name: "Apply" }).click();
    // Without JavaScript the browser sends every field, the empty ones too.
    await expect(page).toHaveURL(/[?&]native=okta(&|$)/);
    await expect(caption(page)).toContainText("199 of 850 vendors match. Showing 1–100, page 1 of 2.");

    // The next page keeps the filter; its own figures follow.
    await page.getByRole("navigation", { name: "Pages of the vendor table" }).getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/\?native=okta&page=2$/);
    await expect(caption(page)).toContainText("Showing 101–199, page 2 of 2.");
    await expect(names(page)).toHaveCount(99);

    // A new filter starts again at page 1.
    await page.getByLabel("The index's confidence").selectOption("high");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]confidence=high(&|$)/);
    await expect(page).not.toHaveURL(/page=/);
    await expect(caption(page)).toHaveText(/^73 of 850 vendors match\./);

    await page.getByLabel("Vendor name").fill("metabase");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(caption(page)).toHaveText(/^0 of 850 vendors match\./);
    await page.getByRole("link", { name: "Clear" }).click();
    await page.getByLabel("Vendor name").fill("metabase");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(names(page)).toHaveText(["Metabase"]);
  });

  test("the picker lists matches among 850 vendors as links", async ({ page }) => {
    await page.goto("/calculator?vendor=mode&users=20&quote=9000");
    await page.getByLabel("Vendor", { exact: true }).fill("granola");
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.locator(".vendor-matches")).toContainText("1 vendor matches “granola”");
    await page.locator(".vendor-matches").getByRole("link", { name: "Granola" }).click();
    await expect(page).toHaveURL(/\/calculator\?vendor=granola&users=20$/);
    // Granola's SCIM plan is sold for 50 seats at least: 50 × $35 × 12.
    await expect(page.locator('tr[data-key="target"] td.num')).toHaveText("$21,000");
  });
});

test("with JavaScript the home table follows the search box and the filters", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByLabel("Vendor name").fill("metabase");
  await expect(names(page)).toHaveText(["Metabase"]);
  await expect(page).toHaveURL(/\/\?q=metabase$/);
  await page.getByLabel("Vendor name").fill("");
  await expect(caption(page)).toContainText("All 850 vendors.");

  await page.getByLabel("Native app in (the index's rating)").selectOption("okta");
  await expect(caption(page)).toContainText("199 of 850 vendors match.");
  await page.getByLabel("The index's confidence").selectOption("high");
  await expect(caption(page)).toHaveText(/^73 of 850 vendors match\./);
  await expect(page).toHaveURL(/\/\?native=okta&confidence=high$/);
  // Announced to screen readers, on the same page.
  await expect(page.locator("#vendors-live")).toHaveText(/^73 of 850 vendors match\./);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("with JavaScript the picker suggests among 850 vendors and opens the one picked", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=20&quote=9000");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const box = page.getByRole("combobox", { name: "Vendor" });
  await box.click();
  await page.keyboard.type("gran");
  const options = page.getByRole("listbox", { name: "Vendor: suggestions" }).getByRole("option");
  await expect(options.first()).toContainText("Granola");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/calculator\?vendor=granola&users=20$/);
  await expect(page.locator('tr[data-key="target"] td.num')).toHaveText("$21,000");
});

axeEveryPage(
  test,
  ["/", "/?native=okta&page=2", "/vendors/metabase", "/vendors/granola", "/calculator?vendor=granola&users=20"],
  " at full size",
);
