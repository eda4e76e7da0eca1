import { test, expect } from "@playwright/test";

test("home lists the vendors and a click opens a guide that hydrates", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What does SCIM really cost?");
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

test("the bundle is fingerprinted, cached as immutable, and a reload revalidates the page", async ({ page }) => {
  const bundle: { url: string; cacheControl: string }[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname.startsWith("/pkg/")) {
      bundle.push({ url: r.url(), cacheControl: r.headers()["cache-control"] ?? "" });
    }
  });
  const res = await page.goto("/vendors/mode");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const etag = res?.headers()["etag"] ?? "";
  expect(etag).toMatch(/^W\/"[0-9a-f]{16}"$/);
  // The stylesheet, the JavaScript and the wasm, each named after its content.
  const names = bundle.map((b) => new URL(b.url).pathname).sort();
  expect(names).toHaveLength(3);
  for (const name of names) expect(name).toMatch(/^\/pkg\/scim-ledger\.[A-Za-z0-9_-]{22}\.(css|js|wasm)$/);
  for (const b of bundle) expect(b.cacheControl).toBe("public, max-age=31536000, immutable");
  // The page itself is asked for again, and an unchanged one costs a 304 without a body.
  const again = await page.request.get("/vendors/mode", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
});
