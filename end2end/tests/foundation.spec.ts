import { test, expect } from "@playwright/test";

test("home lists the vendors and a click opens a guide that hydrates", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SCIM");
  for (const name of ["Mimecast", "Code42", "Mode", "Ironclad"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }

  // Pages are server-rendered; only their interactive parts (islands) hydrate.
  await page.getByRole("link", { name: "Ironclad", exact: true }).click();
  await expect(page).toHaveURL(/\/vendors\/ironclad$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ironclad");
  await expect(page.locator("#pricing")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator("leptos-island").first()).toBeAttached();
});

test("a guide served directly hydrates and keeps its anchors", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The strict CSP must not block anything the page needs (the console says so if it does).
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const res = await page.goto("/vendors/mode#decision");
  expect(res?.headers()["content-security-policy"]).toContain("'nonce-");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator("#decision")).toBeInViewport();
  expect(errors).toEqual([]);
});

test("an unknown vendor gets the 404 page", async ({ page }) => {
  const res = await page.goto("/vendors/no-such-vendor");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
