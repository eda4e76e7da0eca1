import { test, expect, Page } from "@playwright/test";
import { axeEveryPage } from "../axe";

// What changed between the SCIM Tax Index's 2026-04 and 2026-10 releases, as the files
// give it: 12 vendors went from gated to free (a gate removed); 6 rows of April are gone.

const lines = (page: Page) => page.locator(".change-line");
const caption = (page: Page) => page.locator("#changes-caption");

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the changes page counts each kind and filters by a form that submits", async ({ page }) => {
    await page.goto("/changes");
    await expect(page.locator('.change-counts li[data-kind="gate_removed"] .count')).toHaveText("12");
    await expect(page.locator('.change-counts li[data-kind="removed"] .count')).toHaveText("6");

    await page.getByLabel("Kind of change").selectOption("gate_removed");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]kind=gate_removed(&|$)/);
    await expect(page.locator(".change-group")).toHaveCount(1);
    await expect(lines(page)).toHaveCount(12);

    // A category narrows it further; each line names its vendor's category.
    await page.getByLabel("Category").selectOption("Sales & CRM");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/category=Sales/);
    const categories = await page.locator(".change-line .category").allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(c).toContain("Sales & CRM");

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/changes$/);
  });

  test("a vendor's History shows each release and what moved", async ({ page }) => {
    await page.goto("/vendors/1password#history");
    const rows = page.locator("#history tr[data-stated-by] th");
    await expect(rows).toHaveText(["the index's 2026-04 release", "the index's 2026-10 release"]);
    await expect(page.locator(`#history li[data-fact="SCIM plan's price"]`)).toContainText(
      "Up $1 per user per month ($7.99 to $8.99).",
    );
  });
});

test("with JavaScript the changes follow the filters on the same page", async ({ page }) => {
  await page.goto("/changes");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByLabel("Kind of change").selectOption("removed");
  await expect(lines(page)).toHaveCount(6);
  await expect(page).toHaveURL(/\/changes\?kind=removed$/);
  await expect(caption(page)).toContainText("The changes you picked");
  await page.getByLabel("Kind of change").selectOption("");
  await expect(page).toHaveURL(/\/changes$/);
  await expect(caption(page)).toContainText("Every change");
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("the feed is linked from the page's head and answers as Atom", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
  expect(href).toBe("/changes.atom");
  const feed = await request.get(href!);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
});

test.describe("accessibility", () => {
  // Every change on one page is about 9,000 elements: axe takes its time there.
  test.describe.configure({ timeout: 90_000 });
  axeEveryPage(test, ["/changes", "/changes?kind=price_up", "/vendors/1password"]);
});
