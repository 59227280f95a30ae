import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Integration tests run against a real, throwaway PostgreSQL that scripts/test.ts creates and
 * migrates (DATABASE_URL); each file reaches it through tests/support/database.ts (openTestDatabase,
 * withPgClient), or has setupSeededSandbox() (tests/support/seeded-sandbox.ts) empty and seed it
 * before each test.
 */
if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need DATABASE_URL: run them with `npm run test:integration` (it starts a test database).");
}
process.env.NYLAS_MODE ??= "sandbox";
process.env.SANDBOX_WEBHOOK_RETRY_BASE_MS ??= "50";
// Media written by the pipeline goes to a throwaway folder, never the developer's .data/media.
process.env.MEDIA_DIR ??= mkdtempSync(path.join(tmpdir(), "portal-media-"));
