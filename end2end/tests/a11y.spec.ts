import { test, expect } from "@playwright/test";
import { axeEveryPage, expectNoAxeViolations } from "./axe";

// One page of each type, light and dark.
const pages = [
  "/",
  "/?sort=-price&idp=okta",
  "/vendors/mode",
  "/vendors/8x8",
  "/vendors/mimecast/api",
  "/calculator?vendor=ironclad&users=120",
  "/decide?vendor=code42&automate=yes",
  "/compare?vendors=mode,ironclad,mimecast&users=120",
  "/stack?apps=mode:40,ironclad:12,bitwarden:250&list=Ironcladd%2C+3%0AZoom",
  "/stack",
  // Without the index, the categories come from our curated files alone.
  "/categories",
  "/categories/legal-contracts-compliance",
  "/no/such/page",
];

axeEveryPage(test, pages);

test("the vendor picker's open list of suggestions has no axe violations", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=120");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const box = page.getByRole("combobox", { name: "Vendor" });
  await box.fill("m");
  await expect(page.getByRole("listbox")).toBeVisible();
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", "vendor-pick-0");
  // The status names the count for a screen reader.
  await expect(page.locator("#vendor-pick-status")).toContainText(/^\d+ found, \d+ listed/);
  await expectNoAxeViolations(page);
});

test("the calculator works from the keyboard alone, with a visible focus", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=500");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  // Tab from the top of the page until the team-size field has focus.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.id === "in-users");
  }
  expect(reached, "Tab reaches the team size").toBe(true);
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none/);
  expect(outline).not.toMatch(/ 0px$/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("1000");
  await expect(page).toHaveURL(/users=1000/);
  await expect(page.locator('tr[data-key="total_annual_impact"] td.num')).toHaveText("$29,771");
  // Enter submits the form without leaving the page.
  await page.keyboard.press("Enter");
  await expect(page.locator('tr[data-key="total_annual_impact"] td.num')).toHaveText("$29,771");
});
