import { test, expect } from "@playwright/test";

// Figures as in tests/integration/stack.rs: Mode at 40 seats costs $17,520 less to $26,480
// more a year to get SCIM and $1,324 a year to keep manual; Ironclad at 12 needs a quote
// and costs $146 a year manual.
const cell = (app: string, c: string) => `tr[data-app="${app}"] [data-cell="${c}"]`;

test("paste a list, settle a line, copy the link and open it in a new page", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/stack");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel(/One app a line/).fill("Mode, 40\nIroncladd, 12\nOkta Admin Console");
  await page.getByRole("button", { name: "Add to the stack" }).click();
  await expect(page).toHaveURL(/apps=mode:40&list=Ironcladd/);
  await expect(page.locator(cell("mode", "manual"))).toHaveText("$1,324");
  // The typo is listed back with its suggestion; the IdP's own app is noted.
  await expect(page.locator("li.waiting-line .why")).toContainText("“Ironcladd” We have no vendor by this name.");
  await expect(page.locator("details.notes")).toContainText("Okta Admin Console");
  await page.getByRole("button", { name: "Ironclad", exact: true }).click();
  await expect(page).toHaveURL(/apps=mode:40,ironclad:12/);
  await expect(page.locator("li.waiting-line")).toHaveCount(0);
  await expect(page.locator(cell("ironclad", "extra"))).toHaveText("Quote needed");
  await expect(page.locator('[data-total="known-extra"]')).toHaveText("$17,520 less to $26,480 more");
  await expect(page.locator('[data-total="manual"]')).toHaveText("$1,470");

  // Live: a seat count typed applies by itself, and the focus stays in the field.
  await page.locator("#app-0-seats").fill("100");
  await expect(page).toHaveURL(/apps=mode:100,ironclad:12/);
  await expect(page.locator("#app-0-seats")).toBeFocused();
  // Mode at 100 seats: 10 + 10 changes × 60.6 min = 20.2 h × $60.28 = $1,218; 2 unused
  // seats × $49 × 12 = $1,176; 1 orphan (1.4) × $248.71 = $249; $2,643.
  await expect(page.locator(cell("mode", "manual"))).toHaveText("$2,643");

  await page.getByRole("button", { name: "Copy link" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/stack\?apps=mode:100,ironclad:12&notes=Okta/);
  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.locator(cell("mode", "manual"))).toHaveText("$2,643");
  await expect(other.locator(cell("ironclad", "manual"))).toHaveText("$146");
  await expect(other.locator('[data-total="manual"]')).toHaveText("$2,789");
});

test("a file chosen in the picker is read into the stack", async ({ page }) => {
  await page.goto("/stack");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  // An Entra-like export: no seat counts, so the page asks for them.
  await page.locator("#stack-file").setInputFiles({
    name: "EnterpriseAppsList.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("id,displayName,appId,applicationType\n1,Mode Analytics,abc,Enterprise Application\n"),
  });
  await expect(page.locator("li.waiting-line .why")).toContainText("Mode: how many seats?");
  await page.locator("#line-0-seats").fill("40");
  await page.getByRole("button", { name: "Update" }).last().click();
  await expect(page).toHaveURL(/apps=mode:40$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts, redirects to the stack's address and settles lines", async ({ page }) => {
    await page.goto("/stack");
    await page.getByLabel(/One app a line/).fill("Mode\t40\nIroncladd, 12");
    await page.getByRole("button", { name: "Add to the stack" }).click();
    await expect(page).toHaveURL(/\/stack\?apps=mode:40&list=Ironcladd/);
    await expect(page.locator(cell("mode", "extra"))).toHaveText("$17,520 less to $26,480 more (estimate)");
    await page.getByRole("button", { name: "Ironclad", exact: true }).click();
    await expect(page).toHaveURL(/\/stack\?apps=mode:40,ironclad:12$/);
    await page.locator("#stack-hourly").fill("80");
    await page.locator("#stack-hourly").press("Enter");
    await expect(page).toHaveURL(/\/stack\?apps=mode:40,ironclad:12&hourly=80$/);
    // Ironclad at $80 an hour: 2.424 h × $80 = $194.
    await expect(page.locator(cell("ironclad", "manual"))).toHaveText("$194");
    await page.getByRole("button", { name: "Remove Ironclad" }).click();
    await expect(page).toHaveURL(/\/stack\?apps=mode:40&hourly=80$/);
    await expect(page.locator("tr[data-app]")).toHaveCount(1);
  });
});
