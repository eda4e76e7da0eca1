// Screenshots of the main pages on a phone and a laptop, light and dark, for review by eye.
// Usage: node end2end/scripts/screenshots.mjs [base-url] [out-dir]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "/tmp/screens";
// PAGES is separated by spaces (query strings may hold commas).
const pages = (process.env.PAGES ?? "/ /vendors/mode /vendors/mimecast/api /calculator?vendor=ironclad&users=120").split(" ");
const viewports = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
for (const scheme of ["light", "dark"]) {
  for (const [device, viewport] of Object.entries(viewports)) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    for (const path of pages) {
      await page.goto(base + path);
      await page.waitForSelector("html[data-hydrated=true]", { timeout: 15000 }).catch(() => {});
      const name = path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home";
      const file = `${out}/${name}-${device}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
