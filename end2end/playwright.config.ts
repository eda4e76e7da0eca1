import { defineConfig } from "@playwright/test";
import * as fs from "fs";

// Browser tests run Debian's Chromium (never a downloaded browser: this machine has no
// route to Playwright's CDN). The server is the release build made by `.ci/test`: the static
// musl binary the container image ships (`.ci/release-env`, which names the same path), or
// SCIM_LEDGER_BIN.
const port = Number(process.env.E2E_PORT ?? 3210);
const root = `${__dirname}/..`;

// Two servers. Most tests read figures of our 13 curated profiles, so their server gets a
// copy of data/ without data/datasets/ (SCIM_LEDGER_E2E_DATA=data runs them on
// everything); `full/` tests run against the shipped data with the SCIM Tax Index placed
// (850 vendors), on the next port.
const fullPort = port + 1;
const arch = process.arch === "arm64" ? "aarch64" : "x86_64";
const bin =
  process.env.SCIM_LEDGER_BIN ?? `${root}/target/${arch}-unknown-linux-musl/server/scim-ledger`;
const data = (() => {
  if (process.env.SCIM_LEDGER_E2E_DATA) return process.env.SCIM_LEDGER_E2E_DATA;
  const dir = `${root}/target/e2e-data`;
  fs.cpSync(`${root}/data`, dir, {
    recursive: true,
    filter: (src: string) => !src.includes("/data/datasets"),
  });
  return dir;
})();

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  outputDir: "./test-results",
  projects: [
    { name: "curated", testIgnore: /full\//, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: "full", testMatch: /full\//, use: { baseURL: `http://127.0.0.1:${fullPort}` } },
  ],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    [port, data],
    [fullPort, `${root}/data`],
  ].map(([p, dir]) => ({
    command: `${bin} --data ${dir}`,
    cwd: root,
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${p}`,
      LEPTOS_SITE_ROOT: `${root}/target/site`,
    },
    url: `http://127.0.0.1:${p}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
  })),
});
