import { test, expect } from "@playwright/test";

const deepLink = "/calculator?vendor=mode&users=20&plan=Business%2FPro&years=1";

test("changing the team size updates figures, chart and URL without a reload", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=500");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const total = page.locator('tr[data-key="total_annual_impact"] td.num');
  await expect(total).toHaveText("$14,885");
  const chartBefore = await page.locator(".chart-svg").innerHTML();

  await page.evaluate(() => ((window as any).__sameDocument = true));
  const historyLength = await page.evaluate(() => history.length);
  const users = page.getByLabel("Team size");
  await users.fill("1000");

  await expect(page).toHaveURL(/users=1000/);
  await expect(total).toHaveText("$29,771");
  await expect(page.locator('tr[data-key="orphaned_accounts"] td.num')).toHaveText("14");
  // The chart comes from the server for the new scenario.
  await expect.poll(() => page.locator(".chart-svg").innerHTML()).not.toEqual(chartBefore);
  await expect(page.locator(".chart-svg svg")).toBeVisible();
  await expect(page.locator(".chart-svg svg > title")).toHaveText(
    /^Mode at 1,000 people: staying manual costs about \$29,771 a year\./,
  );
  await expect(page.locator("a.chart-download")).toHaveAttribute("href", "/chart.svg?vendor=mode&users=1000");
  // Same document (no reload) and the URL was replaced, not pushed.
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

test("what is typed before the page hydrates is kept, and the figures follow it", async ({ page }) => {
  // The bundle is held back, as on a slow connection, so the typing surely lands before
  // hydration, which sets each field from the address.
  await page.route("**/*.wasm", async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.goto("/calculator?vendor=mode", { waitUntil: "domcontentloaded" });
  const loaded = Date.now();
  const users = page.getByLabel("Team size");
  await users.selectText();
  await page.keyboard.type("120");
  expect(Date.now() - loaded).toBeLessThan(1000);
  expect(await page.locator("html").getAttribute("data-hydrated")).toBeNull();
  await expect(users).toHaveValue("120");

  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(users).toHaveValue("120");
  await expect(page).toHaveURL(/\/calculator\?vendor=mode&users=120$/);
  // The default model at 120 people: $981 + $1,461 + $497.
  await expect(page.locator('tr[data-key="total_annual_impact"] td.num')).toHaveText("$3,722");
  // Typing after hydration carries on from what was typed.
  await users.press("0");
  await expect(users).toHaveValue("1200");
  await expect(page).toHaveURL(/users=1200$/);
});

test("the live region says the verdict alone, and only when it changes", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=500");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const live = page.locator(".calculator [aria-live]");
  await expect(live).toHaveCount(1);
  await expect(live).toHaveText("");
  await expect(page.locator(".answer[aria-live], .results[aria-live]")).toHaveCount(0);
  await page.getByLabel("Team size").fill("20");
  await expect(live).toHaveText(await page.locator(".verdict-text").innerText());
  expect((await live.innerText()).length).toBeLessThan(300);
});

test("the vendor picker suggests as you type; arrows move without reloading, Enter picks and drops the old vendor's plan and quote", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=120&plan=Enterprise&quote=9000");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const box = page.getByRole("combobox", { name: "Vendor" });
  await expect(box).toHaveValue("Mode");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.click();
  await page.keyboard.type("co");
  const list = page.getByRole("listbox", { name: "Vendor: suggestions" });
  const options = list.getByRole("option");
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(options.first()).toContainText("Code42");
  await expect(options).toHaveCount(2);

  // The arrow keys move through the suggestions, wrapping, on the same page with the focus kept.
  await box.press("ArrowDown");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", "vendor-pick-0");
  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", "vendor-pick-0");
  await box.press("ArrowUp");
  await expect(box).toHaveAttribute("aria-activedescendant", "vendor-pick-1");
  await expect(box).toBeFocused();
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expect(page).toHaveURL(/vendor=mode/);

  // Escape closes the list; the down arrow opens it again.
  await box.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  await box.press("ArrowDown");
  await expect(list).toBeVisible();

  // Enter picks: Code42's calculator, the team size kept, Mode's plan and quote gone.
  await box.press("Enter");
  await expect(page).toHaveURL(/\/calculator\?vendor=code42&users=120$/);
  await expect(page.getByRole("combobox", { name: "Vendor" })).toHaveValue("Code42");
  // Code42's own plans, its default (Business) chosen: not Mode's.
  const plan = page.getByLabel("Your current plan");
  await expect(plan.locator("option")).toHaveText([
    "Pro: Custom (contact sales)",
    "Business: Custom (contact sales)",
    "Enterprise: Custom (contact sales); reported: ~$90+ per user per year",
  ]);
  await expect(plan.locator("option:checked")).toHaveText("Business: Custom (contact sales)");
  await expect(page.getByLabel("Team size")).toHaveValue("120");
  await expect(page.locator(".results")).toContainText("Code42");
});

test("a suggestion can be picked with the mouse", async ({ page }) => {
  await page.goto("/calculator?users=40");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("combobox", { name: "Vendor" }).fill("iron");
  await page.getByRole("option", { name: /Ironclad/ }).click();
  await expect(page).toHaveURL(/\/calculator\?vendor=ironclad&users=40$/);
});

test("a bad value shows a message and the value used", async ({ page }) => {
  await page.goto("/calculator?vendor=mode&users=500");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Team size").fill("lots");
  await expect(page.locator("#err-users")).toHaveText("“lots” is not a number; using the default, 500.");
  await expect(page.locator('tr[data-key="total_annual_impact"] td.num')).toHaveText("$14,885");
});

test("copy link copies the address of the scenario", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(deepLink);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("users=20");
  // The section's anchor comes along, whatever the address bar holds.
  expect(copied).toMatch(/#cost$/);
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

  test("a vendor search lists the matches as links; one opens that vendor's calculator", async ({ page }) => {
    await page.goto("/calculator?vendor=mode&users=120&quote=9000");
    await page.getByLabel("Vendor", { exact: true }).fill("iron");
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page).toHaveURL(/vendor_q=iron/);
    await expect(page.locator(".vendor-matches")).toContainText("1 vendor matches “iron”");
    await page.locator(".vendor-matches").getByRole("link", { name: "Ironclad" }).click();
    await expect(page).toHaveURL(/\/calculator\?vendor=ironclad&users=120$/);
    await expect(page.getByLabel("Vendor", { exact: true })).toHaveValue("Ironclad");
    await expect(page.getByLabel("Team size")).toHaveValue("120");
    await expect(page.locator(".results")).toContainText("Ironclad");
  });

  test("the form submits as a GET request", async ({ page }) => {
    await page.goto(deepLink);
    await page.getByLabel("Team size").fill("120");
    await page.getByRole("button", { name: "Update figures" }).click();
    await expect(page).toHaveURL(/users=120/);
    await expect(page.getByLabel("Team size")).toHaveValue("120");
  });
});
