import { test, expect, Page } from "@playwright/test";

// Every page type, as a reader opens it.
const pages = [
  "/",
  "/vendors/mode",
  "/vendors/8x8",
  "/vendors/ironclad",
  "/vendors/mimecast/api",
  "/calculator?vendor=mode&users=500",
  "/calculator?vendor=ironclad&users=120",
  "/decide?vendor=mode",
  "/compare?vendors=mode,ironclad,code42&users=120",
  "/no-such-page",
];

/** Elements that run past the right edge of their section (or the page), with where. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if ((s.overflowX === "auto" || s.overflowX === "scroll") && e.scrollWidth > e.clientWidth - 1) return true;
      }
      return false;
    };
    const width = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll("main *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const box = el.closest(".card, .section, section, main") ?? document.body;
      const b = (box === el ? box.parentElement ?? document.body : box).getBoundingClientRect();
      const limit = Math.min(b.right, width);
      // A table wrapper that scrolls on purpose is fine; anything else must fit.
      if (r.right > limit + 1 && !scrolls(el.parentElement)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)} > ${Math.round(limit)}: ${(el.textContent ?? "").trim().slice(0, 40)}`);
      }
    }
    return out;
  });
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const url of pages) {
      test(`nothing runs out of its section on ${url}`, async ({ page }) => {
        await page.goto(url);
        expect(await overflowing(page)).toEqual([]);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(scroll).toBeLessThanOrEqual(0);
      });
    }
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the calculator's verdict comes before its inputs", async ({ page }) => {
    await page.goto("/calculator?vendor=mode&users=120");
    const verdict = await page.locator(".verdict").boundingBox();
    const form = await page.locator(".scenario-form").boundingBox();
    expect(verdict!.y).toBeLessThan(form!.y);
    // The answer is on the first screen.
    expect(verdict!.y).toBeLessThan(844);
  });
});

test.describe("on a laptop", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the verdict sits beside the inputs", async ({ page }) => {
    await page.goto("/calculator?vendor=mode&users=120");
    const verdict = await page.locator(".verdict").boundingBox();
    const form = await page.locator(".scenario-form").boundingBox();
    expect(verdict!.x).toBeGreaterThan(form!.x + form!.width - 1);
    expect(Math.abs(verdict!.y - form!.y)).toBeLessThan(40);
  });
});

test("typing one field writes only what differs from the defaults", async ({ page }) => {
  await page.goto("/calculator?vendor=mode");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Team size").fill("120");
  await expect(page).toHaveURL(/\/calculator\?vendor=mode&users=120$/);
  await expect(page.locator("a.deep-link")).toHaveAttribute("href", "?vendor=mode&users=120#cost");
});

test("the decision helper and the calculator give the same advice, and say when the table disagrees", async ({ page }) => {
  await page.goto("/decide?vendor=mode&users=100&plan=Business%2FPro&automate=yes");
  await expect(page.locator(".rec-action")).toHaveText("Upgrade to the SCIM plan");
  await expect(page.locator(".callout.conflict")).toContainText(
    "Enterprise costs $8,800 to $52,800 less a year than Business/Pro.",
  );
  await page.goto("/calculator?vendor=mode&users=100&plan=Business%2FPro");
  await expect(page.locator(".verdict .advice")).toHaveText("Our advice: Upgrade to the SCIM plan");
});

test.describe("the decision helper on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("shows its advice before the questions", async ({ page }) => {
    await page.goto("/decide?vendor=mode");
    const advice = await page.locator(".recommendation").boundingBox();
    const form = await page.locator(".situation-form").boundingBox();
    expect(advice!.y).toBeLessThan(form!.y);
  });
});
