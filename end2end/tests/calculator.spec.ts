import { test, expect } from "@playwright/test";

const deepLink = "/calculator?vendor=mode&users=20&plan=Business%2FPro&years=1";

test("changing the team size updates figures, chart and URL without a reload", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=500");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const total = page.locator('tr[data-key="total_annual_impact"] td.num');
  await expect(total).toHaveText("$11,754");
  const chartBefore = await page.locator(".chart-svg").innerHTML();

  await page.evaluate(() => ((window as any).__sameDocument = true));
  const historyLength = await page.evaluate(() => history.length);
  const users = page.getByLabel("Team size");
  await users.fill("1000");

  await expect(page).toHaveURL(/users=1000/);
  await expect(total).toHaveText("$23,510");
  await expect(page.locator('tr[data-key="orphaned_accounts"] td.num')).toHaveText("14");
  // The chart comes from the server for the new scenario.
  await expect.poll(() => page.locator(".chart-svg").innerHTML()).not.toEqual(chartBefore);
  await expect(page.locator(".chart-svg svg")).toBeVisible();
  await expect(page.locator(".chart-svg svg > title")).toHaveText(
    /^Mode at 1,000 people: staying manual costs about \$23,510 a year\./,
  );
  await expect(page.locator("a.chart-download")).toHaveAttribute("href", "/chart.svg?vendor=mode&users=1000");
  // Same document (no reload) and the URL was replaced, not pushed.
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

test("choosing another vendor loads that vendor's figures", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=120");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Vendor").selectOption("code42");
  await expect(page).toHaveURL(/vendor=code42/);
  await expect(page.getByLabel("Your current plan")).not.toContainText("Studio");
  await expect(page.getByLabel("Team size")).toHaveValue("120");
  await expect(page.locator(".results")).toContainText("Code42");
});

test("a bad value shows a message and the value used", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=500");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Team size").fill("lots");
  await expect(page.locator("#err-users")).toHaveText("“lots” is not a number; using the default, 500.");
  await expect(page.locator('tr[data-key="total_annual_impact"] td.num')).toHaveText("$11,754");
});

test("copy link copies the address of the scenario", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(deepLink);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("users=20");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a deep link shows the same figures", async ({ page }) => {
    await page.goto(deepLink);
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
    await expect(page.locator('tr[data-key="current"] td.num')).toHaveText("$11,760");
    await expect(page.locator('tr[data-key="target"] td.num')).toHaveText("$6,000–$50,000");
    await expect(page.locator('tr[data-key="difference"] td.num')).toHaveText("$5,760 less to $38,240 more");
    await expect(page.getByLabel("Team size")).toHaveValue("20");
    await expect(page.locator(".chart-svg svg")).toBeVisible();
  });

  test("the form submits as a GET request", async ({ page }) => {
    await page.goto(deepLink);
    await page.getByLabel("Team size").fill("120");
    await page.getByRole("button", { name: "Update figures" }).click();
    await expect(page).toHaveURL(/users=120/);
    await expect(page.getByLabel("Team size")).toHaveValue("120");
  });
});
