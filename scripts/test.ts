/**
 * `npm test`: every suite, with everything it needs set up here — typecheck, lint (ESLint and
 * `prettier --check`), unit (Vitest), integration (Vitest on a real throwaway PostgreSQL), node22
 * (unit and integration again under Node.js 22, fetched from the npm registry into .data/node), a
 * production build, and e2e (Playwright in real Chromium against `npm start` in sandbox mode), and
 * system (tests/system: delivery storms, database restarts and many instances against real
 * processes). `npm test -- unit|integration|node22|system|e2e|…` runs one.
 *
 * Databases: an embedded PostgreSQL under .data/test on port 54339 (never the dev one), with
 * fresh databases per run. Set TEST_DATABASE_ADMIN_URL to use another server instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { TEST_DB } from "./lib/database";
import { ensureNodeBinary } from "./lib/node-binary";
import { recreateDatabase } from "./lib/pg-once";
import { startEmbeddedPostgres, type LocalDatabase } from "./lib/postgres";

type Suite = "typecheck" | "lint" | "unit" | "integration" | "node22" | "build" | "system" | "e2e";
const SUITES: Suite[] = ["typecheck", "lint", "unit", "integration", "node22", "build", "system", "e2e"];
// The other Node.js line we support (package.json engines): the node22 suite runs unit and
// integration under exactly this release, this process's Node.js runs everything.
const NODE22_VERSION = "22.23.5";
const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
// Anything else names test files (or a part of their path), e.g. `npm test -- integration notetaker`.
const isSuite = (a: string): a is Suite => (SUITES as string[]).includes(a);
const requested = args.filter(isSuite);
const fileFilters = args.filter((a) => !isSuite(a));
const suites: Suite[] = requested.length ? requested : SUITES;
if (fileFilters.length && !requested.length) throw new Error(`Name the suite to filter: npm test -- lint|unit|integration|node22|system|e2e ${fileFilters.join(" ")}`);
// system and e2e run against a production build of the current tree: build first (`--no-build`
// reuses .next while iterating on specs; the full run always builds).
const reuseBuild = process.argv.includes("--no-build") && existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
const needsBuild = suites.find((s) => s === "system" || s === "e2e");
if (needsBuild && !suites.includes("build") && !reuseBuild) suites.splice(suites.indexOf(needsBuild), 0, "build");

const log = (line: string) => console.log(`\n[test] ${line}`);
const reportsDir = path.join(process.cwd(), "test-results");
mkdirSync(reportsDir, { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}, onFailure?: string): boolean {
  log(`${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(onFailure ? `${name} (${onFailure})` : name);
  return ok;
}

function readVitestCounts(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}

function readTapCounts(file: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
  counts.passed += count("pass");
  counts.failed += count("fail") + count("cancelled");
  counts.skipped += count("skipped") + count("todo");
}

function readPlaywrightCounts(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  createdDatabases.push(name);
  const url = await recreateDatabase(adminUrl, name);
  await migrate(url);
  return url;
}

// Per-run database names, so two runs sharing the test server never drop each other's data.
const runId = `${process.pid}`;
const createdDatabases: string[] = [];

async function dropDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of createdDatabases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Another run still using the shared test server? Then it must keep running. */
async function serverInUseByOthers(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()");
    return Number(rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

const vitest = path.join("node_modules", "vitest", "vitest.mjs");
let server: LocalDatabase | undefined;
let adminUrl: string | undefined;
let holder: pg.Client | undefined;
try {
  adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl && (suites.includes("integration") || suites.includes("node22") || suites.includes("e2e"))) {
    server = await startEmbeddedPostgres({ ...TEST_DB, log: (l) => console.log(`[test] ${l}`) });
    adminUrl = server.url;
    // Held for the whole run: another run that finishes first sees it and leaves the server up.
    holder = new pg.Client({ connectionString: adminUrl, application_name: `portal-test-run-${runId}` });
    await holder.connect();
  }

  for (const suite of suites) {
    if (suite === "typecheck") run("typecheck", process.execPath, [path.join("node_modules", "typescript", "bin", "tsc"), "--noEmit"]);
    if (suite === "lint") {
      // Words after `lint` name what to check instead of the whole tree (`npm test -- lint lib/auth`).
      const targets = fileFilters.length ? fileFilters : ["."];
      run("lint", process.execPath, [path.join("node_modules", "eslint", "bin", "eslint.js"), "--max-warnings=0", ...targets], {}, "ESLint: the problems listed above");
      run(
        "lint",
        process.execPath,
        [path.join("node_modules", "prettier", "bin", "prettier.cjs"), "--check", ...targets],
        {},
        "Prettier: the files listed above are not formatted; `npm run format` rewrites them",
      );
    }
    if (suite === "unit") {
      const out = path.join(reportsDir, "unit.json");
      rmSync(out, { force: true });
      run("unit", process.execPath, [vitest, "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...fileFilters]);
      readVitestCounts(out);
    }
    if (suite === "integration") {
      const url = await freshDatabase(adminUrl!, `portal_integration_${runId}`);
      const out = path.join(reportsDir, "integration.json");
      rmSync(out, { force: true });
      run("integration", process.execPath, [vitest, "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...fileFilters], {
        DATABASE_URL: url,
        NYLAS_MODE: "sandbox",
        NODE_ENV: "test",
      });
      readVitestCounts(out);
    }
    if (suite === "node22") {
      // The same unit and integration projects under Node.js 22, with their own fresh database.
      let node: string;
      try {
        node = ensureNodeBinary(NODE22_VERSION, (line) => log(`node22: ${line}`));
      } catch (error) {
        console.error(error);
        failures.push(`node22 (could not get Node.js ${NODE22_VERSION}: ${(error as Error).message})`);
        continue;
      }
      const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
      log(`node22: running unit and integration under Node.js ${version} (${path.relative(process.cwd(), node)}); this process is Node.js ${process.version}`);
      const url = await freshDatabase(adminUrl!, `portal_node22_${runId}`);
      for (const project of ["unit", "integration"] as const) {
        const out = path.join(reportsDir, `node22-${project}.json`);
        rmSync(out, { force: true });
        const env: Record<string, string> = project === "integration" ? { DATABASE_URL: url, NYLAS_MODE: "sandbox", NODE_ENV: "test" } : {};
        run(
          `node22 ${project}`,
          node,
          [vitest, "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...(fileFilters.length ? ["--passWithNoTests", ...fileFilters] : [])],
          env,
          `Node.js ${version}`,
        );
        readVitestCounts(out);
      }
    }
    if (suite === "build") run("build", process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"]);
    if (suite === "system") {
      // Real processes over HTTP (tests/system): each scenario its own embedded PostgreSQL (under
      // .data/test-system, port 54359 or a free one) that it stops and starts, `next start` instances and workers.
      if (failures.includes("build")) {
        failures.push("system (skipped: the build failed)");
        continue;
      }
      const dir = path.join("tests", "system");
      const files = readdirSync(dir)
        .filter((f) => f.endsWith(".test.ts"))
        .sort()
        .map((f) => path.join(dir, f))
        .filter((f) => !fileFilters.length || fileFilters.some((filter) => f.includes(filter)));
      const out = path.join(reportsDir, "system.tap");
      rmSync(out, { force: true });
      run("system", process.execPath, [
        "--import",
        "tsx",
        "--test",
        "--test-concurrency=1",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        `--test-reporter-destination=${out}`,
        ...files,
      ]);
      readTapCounts(out);
    }
    if (suite === "e2e") {
      if (failures.includes("build")) {
        failures.push("e2e (skipped: the build failed)");
        continue;
      }
      const url = await freshDatabase(adminUrl!, `portal_e2e_${runId}`);
      const out = path.join(reportsDir, "e2e.json");
      rmSync(out, { force: true });
      run("e2e", process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...fileFilters], {
        E2E_DATABASE_URL: url,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      });
      readPlaywrightCounts(out);
    }
  }
} finally {
  if (adminUrl) await dropDatabases(adminUrl).catch((e) => console.error("[test] could not drop test databases:", e));
  await holder?.end().catch(() => undefined);
  if (server && !(await serverInUseByOthers(server.url).catch(() => false))) await server.stop();
}

console.log(`\n[test] ${failures.length ? `FAILED: ${failures.join(", ")}` : "all suites passed"}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
