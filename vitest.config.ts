import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: `unit` (pure lib code, parallel) and `integration` (real Postgres, one file at a
// time because every file truncates the same tables). scripts/test.ts starts the database and sets
// DATABASE_URL before running the integration project.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${import.meta.dirname}/` },
      { find: /^server-only$/, replacement: path.join(import.meta.dirname, "tests/support/empty-module.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          setupFiles: ["tests/integration/setup.ts"],
        },
      },
    ],
  },
});
