// ESLint (flat config): Next.js core-web-vitals (React, hooks, jsx-a11y, @next/next) and its
// typescript-eslint recommended set, plus a few type-aware rules for promises, which the type
// checker alone does not catch. `npm run lint` runs it with --max-warnings=0, so a warning fails CI too.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "playwright-report/**", "test-results/**", "blob-report/**", "storage/**", "bench-results/**", "next-env.d.ts"]),
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      // Type information for the rules below, from tsconfig.json (found per file by the project service).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
]);
