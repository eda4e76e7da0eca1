import { test, expect } from "@playwright/test";

test("answering the questions moves the highlighted row, live and in the URL", async ({ page }) => {
  await page.goto("/decide?vendor=mode&plan=Business%2FPro");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const chosen = page.locator("table.decision tr.chosen");
  await expect(chosen).toHaveAttribute("data-row", "0");

  // Already on Enterprise: the native-SCIM row.
  await page.getByLabel("Your current plan").selectOption("Enterprise");
  await expect(page).toHaveURL(/plan=Enterprise/);
  await expect(chosen).toHaveAttribute("data-row", "1");
  await expect(page.locator(".recommendation")).toContainText("Turn on native SCIM");

  // Back on Business/Pro, a small quiet team that needs no automation: stay manual.
  await page.getByLabel("Your current plan").selectOption("Business/Pro");
  await page.locator('fieldset[data-question="automate"]').getByLabel("No", { exact: true }).check();
  await page.getByLabel("Team size (people)").fill("20");
  await expect(page).toHaveURL(/automate=no/);
  await expect(chosen).toHaveAttribute("data-row", "4");
  await expect(page.locator(".recommendation")).toContainText("Stay manual");
  // The other rows stay visible.
  await expect(page.locator("table.decision tbody tr")).toHaveCount(5);
});

test("in a guide, the decision helper keeps the calculator's inputs", async ({ page }) => {
  await page.goto("/vendors/ironclad?seat=40#decision");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.locator('fieldset[data-question="groups"]').getByLabel("Yes", { exact: true }).check();
  await expect(page).toHaveURL(/groups=yes/);
  await expect(page).toHaveURL(/seat=40/);
  await expect(page.locator("#decision tr.chosen")).toHaveAttribute("data-row", "4");
});

test("the decision helper's vendor is picked from the keyboard, dropping the old vendor's plan and quote", async ({ page }) => {
  await page.goto("/decide?vendor=mode&plan=Enterprise&quote=9000&users=120");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const box = page.getByRole("combobox", { name: "Vendor" });
  await box.fill("mime");
  // Mimecast by its name before Code42 by its other name, Mimecast Incydr.
  const options = page.getByRole("listbox", { name: "Vendor: suggestions" }).getByRole("option");
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText("Mimecast");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/decide\?vendor=mimecast&users=120$/);
  await expect(page.getByRole("combobox", { name: "Vendor" })).toHaveValue("Mimecast");
  await expect(page.locator("table.decision")).toBeVisible();
});

test("sorting the home table by a column changes the URL and the order", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const first = page.locator("table.vendors tbody tr").first();
  const before = await first.getAttribute("data-slug");
  const header = page.locator("th", { has: page.getByRole("button", { name: "Vendor" }) });
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("button", { name: "Vendor" }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(await first.getAttribute("data-slug")).not.toEqual(before);

  await page.getByRole("button", { name: /Last verified/ }).click();
  await expect(page).toHaveURL(/sort=checked/);
  // The clicked header keeps the focus after the rows are swapped in.
  await expect(page.getByRole("button", { name: /Last verified/ })).toBeFocused();
  await page.getByLabel("Provisions by SCIM with").selectOption("okta");
  await expect(page).toHaveURL(/idp=okta/);
  await expect(page.locator("#vendors-caption")).toContainText(/^\d+ of 13 vendors match\./);
});

test("the home table searches and filters as you type, and the link keeps it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Vendor name").fill("bit warden");
  await expect(page).toHaveURL(/\?q=bit\+warden$/);
  await expect(page.locator("table.vendors tbody tr")).toHaveCount(1);
  await expect(page.locator("tr[data-slug=bitwarden] td.col-scim")).toHaveText("No SCIM tax");
  await expect(page.locator("#vendors-live")).toHaveText("1 of 13 vendors match. Download CSV");
  // The search box keeps the focus while the rows change under it.
  await expect(page.getByLabel("Vendor name")).toBeFocused();
  await page.getByLabel("Vendor name").fill("");
  await page.getByLabel("SCIM status").selectOption("gated");
  await expect(page).toHaveURL(/\/\?status=gated$/);
  await expect(page.locator("table.vendors tbody tr")).toHaveCount(9);
  // The address is the whole state: opened afresh it shows the same rows.
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await expect(fresh.locator("table.vendors tbody tr")).toHaveCount(9);
  await expect(fresh.getByLabel("SCIM status")).toHaveValue("gated");
});

test("compare: add and remove vendors from the page", async ({ page }) => {
  await page.goto("/compare?vendors=mode,ironclad&users=120");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator("table.compare thead th")).toHaveCount(2);
  await page.getByRole("combobox", { name: "Add a vendor" }).fill("code");
  await page.getByRole("option", { name: /Code42/ }).click();
  await expect(page).toHaveURL(/vendors=mode,ironclad,code42&users=120/);
  await expect(page.locator("table.compare thead th")).toHaveCount(3);
  await page.getByRole("link", { name: "Remove Mode" }).click();
  await expect(page).toHaveURL(/vendors=ironclad%2Ccode42|vendors=ironclad,code42/);
  await expect(page.locator("table.compare thead th")).toHaveCount(2);
});

test("compare on a phone: one card per vendor, the bottom line first, no sideways scroll", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/compare?vendors=mode,ironclad&users=100");
  await expect(page.locator(".bottom-line-lead")).toHaveText(
    "At 100 people, the cheapest way to get SCIM here is Mode: $6,000 to $50,000 a year, an estimate (sold by quote).",
  );
  await expect(page.locator("table.compare")).toBeHidden();
  const cards = page.locator(".compare-cards .vendor-card");
  await expect(cards).toHaveCount(2);
  // The second vendor sits below the first, within the screen's width.
  const second = await cards.nth(1).boundingBox();
  expect(second!.x + second!.width).toBeLessThanOrEqual(390);
  await expect(cards.nth(0).locator("dd").first()).toContainText("Cheapest");
  await expect(cards.nth(1).locator("dd").first()).toContainText("Costs at least $10,000 more a year than Mode");
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(sideways).toBe(0);
  // On a wide screen, the table, led by the same row.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(cards.first()).toBeHidden();
  await expect(page.locator("table.compare tbody tr").first()).toContainText("Cheapest");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the decision form, the sort buttons and compare all work as plain HTML", async ({ page }) => {
    await page.goto("/decide?vendor=code42");
    await page.locator('fieldset[data-question="legacy"]').getByLabel("Yes", { exact: true }).check();
    await page.locator('fieldset[data-question="automate"]').getByLabel("No", { exact: true }).check();
    await page.getByRole("button", { name: "Show what fits" }).click();
    await expect(page).toHaveURL(/legacy=yes/);
    await expect(page.locator("table.decision tr.chosen")).toHaveAttribute("data-row", "4");

    await page.goto("/compare?vendors=mode&users=50");
    await page.getByLabel("Add a vendor", { exact: true }).fill("iron");
    await page.getByRole("button", { name: "Find" }).click();
    await page.locator(".vendor-matches").getByRole("link", { name: "Ironclad" }).click();
    await expect(page).toHaveURL(/\/compare\?vendors=mode,ironclad&users=50$/);
    await expect(page.locator("table.compare thead th")).toHaveCount(2);

    await page.goto("/?idp=okta");
    await page.getByRole("button", { name: /Price of that plan/ }).click();
    await expect(page).toHaveURL(/sort=price/);
    await expect(page).toHaveURL(/idp=okta/);
    await expect(page.locator("th[aria-sort=ascending]")).toContainText("Price of that plan");

    await page.goto("/");
    await page.getByLabel("Vendor name").fill("mode");
    await page.getByLabel("SCIM status").selectOption("gated");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=mode/);
    await expect(page.locator("table.vendors tbody tr")).toHaveCount(1);
    await expect(page.locator("tr[data-slug=mode] td.col-plan")).toHaveText("Enterprise");
  });
});

test("a guide prints as a clean report with the link and the date", async ({ page }) => {
  await page.goto("/vendors/mode?users=120");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".scenario-form")).toBeHidden();
  await expect(page.locator(".chart-svg svg")).toBeVisible();
  const info = page.locator(".print-info");
  await expect(info).toBeVisible();
  await expect(info).toContainText("/vendors/mode?users=120");
  await expect(info).toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.screenshot({ path: "test-results/print-guide.png", fullPage: true });
});
