import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { ESLint, Linter } from "eslint";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { acceptsEncodingPattern, readVendorManifest, vendoredModuleRoutes, vendorNylasScheduling, VENDOR_MANIFEST } from "../../../scripts/lib/vendor-nylas";

const ROOT = process.cwd();
const roots: string[] = [];

/** A scratch project root that shares this checkout's node_modules and lib (the entry bundles lib/scheduling/scheduler-prefill.ts). */
function scratchRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), "vendor-nylas-"));
  roots.push(root);
  symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  symlinkSync(path.join(ROOT, "lib"), path.join(root, "lib"));
  mkdirSync(path.join(root, "components", "scheduling"), { recursive: true });
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("vendorNylasScheduling", () => {
  it("writes a content-hashed, minified module that defines <nylas-scheduling>, and a manifest naming it", async () => {
    const root = scratchRoot();
    const { manifest, built } = await vendorNylasScheduling(root);
    expect(built).toBe(true);
    expect(manifest.src).toMatch(/^\/vendor\/nylas-scheduling\.[0-9a-f]{16}\.js$/);
    expect(manifest.version).toBe("2.5.17");
    const code = readFileSync(path.join(root, "public", manifest.src), "utf8");
    expect(code).toContain('"nylas-scheduling"');
    // Its copies compressed ahead (next.config.ts sends them; Next would gzip the file on every request).
    expect(brotliDecompressSync(readFileSync(path.join(root, "public", `${manifest.src}.br`))).toString("utf8")).toBe(code);
    expect(gunzipSync(readFileSync(path.join(root, "public", `${manifest.src}.gz`))).toString("utf8")).toBe(code);
    // The availability prefill goes onto the element before it is defined (lib/scheduling/scheduler-prefill.ts).
    expect(code).toContain("data-nylas-scheduling-prefill");
    expect(code).toContain("defaultSchedulerState");
    // Only the scheduling element: not the editor that @nylas/react also ships.
    expect(code).not.toContain("nylas-scheduler-editor");
    expect(JSON.parse(readFileSync(path.join(root, VENDOR_MANIFEST), "utf8"))).toEqual(manifest);
  }, 60_000);

  it("leaves an up-to-date copy alone, and replaces a stale one (other hash, other version) with one module and its compressed copies", async () => {
    const root = scratchRoot();
    const first = await vendorNylasScheduling(root);
    expect(await vendorNylasScheduling(root)).toEqual({ manifest: first.manifest, built: false });
    // A missing compressed copy is a copy to rebuild: its rewrite would point at nothing.
    rmSync(path.join(root, "public", `${first.manifest.src}.gz`));
    expect(readVendorManifest(root)).toBeNull();

    writeFileSync(path.join(root, "public", "vendor", "nylas-scheduling.0000000000000000.js"), "stale");
    writeFileSync(path.join(root, "public", "vendor", "nylas-scheduling.0000000000000000.js.br"), "stale");
    writeFileSync(path.join(root, VENDOR_MANIFEST), JSON.stringify({ src: "/vendor/nylas-scheduling.0000000000000000.js", version: "2.5.16" }));
    expect(readVendorManifest(root)).toBeNull();
    const again = await vendorNylasScheduling(root);
    expect(again.built).toBe(true);
    expect(again.manifest.src).toBe(first.manifest.src); // deterministic: same input, same hash
    const name = path.basename(first.manifest.src);
    expect(readdirSync(path.join(root, "public", "vendor")).sort()).toEqual([name, `${name}.br`, `${name}.gz`]);
  }, 60_000);

  it("reports a missing manifest or file as not vendored", () => {
    const root = scratchRoot();
    expect(readVendorManifest(root)).toBeNull();
    writeFileSync(path.join(root, VENDOR_MANIFEST), JSON.stringify({ src: "/vendor/nylas-scheduling.1111111111111111.js", version: "2.5.17" }));
    expect(readVendorManifest(root)).toBeNull();
  });

  it("is what this checkout's build uses (postinstall or next.config.ts made it)", () => {
    expect(readVendorManifest(ROOT)).not.toBeNull();
  });
});

describe("vendoredModuleRoutes: the copy compressed ahead that next.config.ts sends", () => {
  const src = "/vendor/nylas-scheduling.0123456789abcdef.js";
  type TCondition = { key: string; value: string };
  // As Next.js matches `has` / `missing` on a header: the whole value against the pattern.
  const holds = (c: TCondition, header: string) => new RegExp(`^${c.value}$`).test(header);
  const applies = (rule: { has: TCondition[]; missing?: TCondition[] }, header: string) => rule.has.every((c) => holds(c, header)) && !(rule.missing ?? []).some((c) => holds(c, header));

  it.each([
    ["gzip, deflate, br, zstd", `${src}.br`, "br"], // Chromium
    ["gzip, deflate, br", `${src}.br`, "br"], // Firefox, Safari
    ["br", `${src}.br`, "br"],
    ["br;q=0.5, gzip", `${src}.br`, "br"], // weights are not ranked, only q=0 refuses
    ["br;q=0, gzip", `${src}.gz`, "gzip"],
    ["br; q=0.0 ,gzip;q=1", `${src}.gz`, "gzip"],
    ["gzip, deflate", `${src}.gz`, "gzip"],
    ["gzip;q=0, br;q=0", undefined, undefined],
    ["identity", undefined, undefined],
    ["brotli, xgzip", undefined, undefined],
    ["", undefined, undefined],
  ])("Accept-Encoding %j → %s", (header, destination, encoding) => {
    const { rewrites, headers } = vendoredModuleRoutes({ src });
    const matching = rewrites.filter((r) => applies(r, header));
    expect(matching.length).toBeLessThanOrEqual(1);
    expect(matching[0]?.destination).toBe(destination);
    const set = headers.filter((h) => applies(h, header)).flatMap((h) => h.headers);
    expect(set.filter((h) => h.key === "Content-Encoding").map((h) => h.value)).toEqual(encoding ? [encoding] : []);
    if (encoding) expect(set).toContainEqual({ key: "Content-Type", value: "text/javascript; charset=utf-8" });
    expect(set).toContainEqual({ key: "Cache-Control", value: "public, max-age=31536000, immutable" });
    expect(set).toContainEqual({ key: "Vary", value: "Accept-Encoding" });
  });

  it("names only the current file", () => {
    const { rewrites, headers } = vendoredModuleRoutes({ src });
    expect(new Set([...rewrites, ...headers].map((r) => r.source))).toEqual(new Set([src]));
    expect(new RegExp(`^${acceptsEncodingPattern("br")}$`).test("gzip, br")).toBe(true);
  });
});

describe("eslint: no-restricted-imports for the Nylas packages", () => {
  const linter = new Linter({ configType: "flat" });
  let rules: Linter.RulesRecord = {};
  // The rule as eslint.config.mjs resolves it for a component, run alone (no type-aware parsing needed).
  beforeAll(async () => {
    const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile("components/scheduling/example.tsx")) as Linter.Config;
    rules = { "no-restricted-imports": config.rules!["no-restricted-imports"]! };
  }, 60_000);
  const lint = (code: string) => linter.verify(code, [{ files: ["**/*.js"], languageOptions: { sourceType: "module" }, rules }], "components/x.js");

  it.each([
    ['import { NylasScheduling } from "@nylas/react";'],
    ['import "@nylas/web-elements/dist/cdn/nylas-scheduling/nylas-scheduling.es.js";'],
    ['import { defineCustomElements } from "@nylas/web-elements/loader";'],
    ['import { NylasScheduling } from "@nylas/web-elements";'],
  ])("refuses %s", (code) => {
    expect(lint(code).map((m) => m.ruleId)).toEqual(["no-restricted-imports"]);
  });

  it("allows the wrapper", () => {
    expect(lint('import { BookingScheduler } from "@/components/scheduling/booking-scheduler";')).toEqual([]);
  });
});
