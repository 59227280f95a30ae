import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// E2E runs against a production build served by `npm start` logic (scripts/start.ts) in sandbox
// mode, on its own port (E2E_PORT, default 3100: two checkouts can run e2e side by side) and
// database (scripts/test.ts creates E2E_DATABASE_URL fresh per run).
const PORT = Number(process.env.E2E_PORT) || 3100;
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium: Playwright's own browser download is impossible offline.
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // One worker: specs share one server and round-robin state; the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      // Without the background-networking flags Chromium keeps dialling Google on this offline machine.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/start.ts",
    // Ready only after migrations, seed, Next.js and the Nylas bootstrap (configurations exist).
    wait: { stdout: /\[portal\] ready in sandbox mode/ },
    stdout: "pipe",
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      APP_URL: baseURL,
      NYLAS_MODE: "sandbox",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      // Fast webhook retries so delivery tests finish quickly.
      SANDBOX_WEBHOOK_RETRY_BASE_MS: "200",
      // Feedback reminders looked for every 5 s (not every minute), so the outbox spec sees one soon.
      JOB_SCHEDULES: "feedback.reminders=*/5 * * * * *",
      // Stored interview media of this run, apart from the developer's .data/media.
      MEDIA_DIR: process.env.E2E_MEDIA_DIR ?? ".data/test/e2e-media",
      // The one origin that may frame the careers pages: security-headers.spec.ts serves an embedding
      // page there (on loopback, as Chromium's local-network rules block a public page framing localhost).
      CAREERS_FRAME_ANCESTORS: `http://127.0.0.1:${PORT + 10000}`,
    },
  },
});
