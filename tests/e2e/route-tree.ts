/**
 * The app's route tree, read from the filesystem at test time (no Next.js internals): every page
 * (app/**∕page.tsx), every route handler with its exported HTTP methods (app/**∕route.ts), every
 * server action (the exports of files that start with "use server"), and the sandbox's own /v3
 * routes (the table in lib/sandbox/api.ts). The authorization matrix needs a rule for each.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const APP_DIR = path.join(ROOT, "app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const appFiles = () => walk(APP_DIR).map((file) => path.relative(ROOT, file).split(path.sep).join("/"));

/** "app/(public)/careers/[slug]/page.tsx" → "/careers/[slug]"; route groups and private folders vanish. */
export function toUrlPattern(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** Every page: `{ file, pattern }`. */
export function discoverPages(): { file: string; pattern: string }[] {
  return appFiles()
    .filter((file) => /\/page\.(tsx|ts|jsx|js|mdx)$/.test(file))
    .map((file) => ({ file, pattern: toUrlPattern(file) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The HTTP methods a route file exports: `export async function GET`, `export const GET =`, `export { x as GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(","))
      found.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** Every route handler: `{ file, pattern, methods }`. */
export function discoverRouteHandlers(): { file: string; pattern: string; methods: HttpMethod[] }[] {
  return appFiles()
    .filter((file) => /\/route\.(ts|js)$/.test(file))
    .map((file) => ({ file, pattern: toUrlPattern(file), methods: exportedMethods(readFileSync(path.join(ROOT, file), "utf8")) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A file whose first statement is the "use server" directive (comments before it allowed). */
function isServerActionFile(source: string): boolean {
  const code = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*/, "").trimStart();
  return /^["']use server["'];?/.test(code);
}

/**
 * Every server action, as "app/settings/actions.ts#savePanelAction": the exports of "use server"
 * files anywhere in app/, components/ and lib/. Inline `"use server"` inside a function body is
 * refused outright, so that no action can hide from the matrix.
 */
export function discoverServerActions(): { file: string; exportedName: string; key: string }[] {
  const files = ["app", "components", "lib"].flatMap((dir) => walk(path.join(ROOT, dir))).filter((file) => /\.(tsx?|jsx?)$/.test(file));
  const actions: { file: string; exportedName: string; key: string }[] = [];
  for (const full of files) {
    const file = path.relative(ROOT, full).split(path.sep).join("/");
    const source = readFileSync(full, "utf8");
    if (!isServerActionFile(source)) {
      // An inline action: `async function x() { "use server"; … }` (a directive at the start of a line).
      if (/^\s*["']use server["'];?\s*$/m.test(source)) throw new Error(`${file} has an inline "use server" action: move it to an actions.ts file so the authorization matrix sees it.`);
      continue;
    }
    for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Za-z_$][\w$]*)/g)) {
      actions.push({ file, exportedName: m[1]!, key: `${file}#${m[1]!}` });
    }
  }
  return actions.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The sandbox's routes under /v3, from the table in lib/sandbox/api.ts:
 * `route("GET", "grants/:grant", "api_key", …)`, including the ones built in a
 * `[...].flatMap((base) => [route("GET", `${base}/:id`, …)])` over literal bases.
 */
export function discoverSandboxRoutes(): { method: string; path: string; auth: string }[] {
  const source = readFileSync(path.join(ROOT, "lib/sandbox/api.ts"), "utf8");
  const bases = [...source.matchAll(/\[((?:\s*"[^"]*",?)+)\]\.flatMap\(\(base\)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]*)"/g)].map((b) => b[1]!));
  const routes: { method: string; path: string; auth: string }[] = [];
  for (const m of source.matchAll(/route\(\s*"([A-Z]+)",\s*(?:"([^"]*)"|`([^`]*)`|(base)),\s*"(api_key|public)"/g)) {
    const [, method, plain, template, bare, auth] = m;
    if (plain !== undefined) routes.push({ method: method!, path: plain, auth: auth! });
    else for (const base of bases) routes.push({ method: method!, path: bare ? base : template!.replace("${base}", base), auth: auth! });
  }
  return routes;
}

export type ManifestAction = { id: string; filename: string; exportedName: string; workers: string[] };

/** Every server action the build knows, with its id (what a browser sends as Next-Action). */
export function readActionManifest(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename && a.exportedName)
    .map(([id, a]) => ({ id, filename: a.filename!, exportedName: a.exportedName!, workers: Object.keys(a.workers) }));
}
