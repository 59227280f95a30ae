/**
 * The sandbox's import boundary (lib/sandbox/index.ts), read from the source:
 * - outside lib/sandbox, app and tooling code imports the sandbox only through its index, never one
 *   of its files (tests are exempt: they mirror lib/ and drive the sandbox's parts one by one);
 * - lib/sandbox imports no product module: only itself and the shared infrastructure below.
 * Keeps the sandbox liftable, and product code on the `nylas` SDK (DESIGN "Two modes, one code path").
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const SANDBOX = "lib/sandbox";

/** What the sandbox may import from the rest of lib/, and why. */
const SHARED_INFRASTRUCTURE = [
  "lib/db", // the one Prisma client; the sandbox keeps its own tables
  "lib/env", // validated configuration (API key, APP_URL, media TTLs)
  "lib/generated/prisma", // Prisma's types
  "lib/jobs", // the one job runner (DESIGN "Jobs"): deliveries and notetaker steps
  "lib/scheduling", // availability and round robin (DESIGN: "used by the sandbox and by load reports")
  "lib/http", // HTTP Range handling for media URLs
];

function listSources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : listSources(rel);
    return /\.(?:ts|tsx|mts)$/.test(entry.name) ? [rel] : [];
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

/** Repo-relative targets of a file's imports (`@/…` and relative ones; packages are left out). */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return [...source.matchAll(IMPORT)].flatMap(([, spec = ""]) => {
    if (spec.startsWith("@/")) return [spec.slice(2)];
    if (spec.startsWith(".")) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))];
    return [];
  });
}

const isInside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

describe("the sandbox's import boundary", () => {
  it("is reached from outside only through lib/sandbox/index.ts", () => {
    const outside = ["app", "components", "lib", "scripts", "prisma"].flatMap(listSources).filter((f) => !isInside(f, SANDBOX));
    const rootFiles = readdirSync(ROOT).filter((f) => /\.(?:ts|mts)$/.test(f));
    const deep = [...outside, ...rootFiles].flatMap((file) =>
      importsOf(file)
        .filter((target) => isInside(target, SANDBOX) && target !== SANDBOX && target !== `${SANDBOX}/index`)
        .map((target) => `${file} imports ${target}`),
    );
    expect(outside.length).toBeGreaterThan(100);
    expect(deep).toEqual([]);
  });

  it("imports no product module from inside lib/sandbox", () => {
    const files = listSources(SANDBOX);
    const product = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => !isInside(target, SANDBOX) && !SHARED_INFRASTRUCTURE.some((allowed) => isInside(target, allowed)))
        .map((target) => `${file} imports ${target}`),
    );
    expect(files.length).toBeGreaterThan(20);
    expect(product).toEqual([]);
  });
});
