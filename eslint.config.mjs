// ESLint (flat config): ESLint's recommended rules, Next.js core-web-vitals (React, hooks, jsx-a11y,
// @next/next) with its typescript-eslint recommended set, and a few type-aware rules for promises,
// which the type checker alone does not catch. `npm run lint` runs it with --max-warnings=0, so a
// warning fails CI too. A rule turned off on one line says why there (`-- reason`).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  {
    // A `let` that a closure reads before its one assignment (a guard against use before set) stays a `let`.
    rules: { "prefer-const": ["error", { ignoreReadBeforeAssign: true }] },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    ".data/**",
    "playwright-report/**",
    "test-results/**",
    "blob-report/**",
    "storage/**",
    "bench-results/**",
    "next-env.d.ts",
    "public/vendor/**",
  ]),
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      // Type information for the rules below, from tsconfig.json (found per file by the project service).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits (tests/system).
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["test", "it", "describe", "suite"] }] }],
      // React ignores what an event handler returns, and an async onClick/onSubmit is the idiom for
      // a client component's request; callbacks handed to anything else must not return a promise.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      // An error, not next's warning; a leading underscore marks a deliberately unused name (an
      // argument a signature requires, a field taken out of an object by destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // <nylas-scheduling> loads only as the vendored single-element module (components/scheduling/
    // booking-scheduler.tsx, scripts/vendor-nylas.ts), at HTML time. Importing @nylas/react or any
    // @nylas/web-elements file would bundle a second copy (2.4 MB for @nylas/react) that races the
    // vendored one for the tag name: the first definition wins, silently (issue 18).
    files: ["**/*.{js,mjs,cjs,ts,tsx,mts,cts}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@nylas/react", "@nylas/react/*", "@nylas/web-elements", "@nylas/web-elements/*"],
              message: "Load <nylas-scheduling> through BookingScheduler (components/scheduling/booking-scheduler.tsx): it uses the vendored module from scripts/vendor-nylas.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read the sandbox's and the SDK's JSON answers by path (`body.data.object.state`);
    // typing each answer there would restate the Nylas API in every test. Product code stays any-free.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
