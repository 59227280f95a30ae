/**
 * Vendors Nylas's single-element build of `<nylas-scheduling>` (issue 18): the CDN file of
 * @nylas/web-elements (`dist/cdn/nylas-scheduling/nylas-scheduling.es.js`, the one Nylas documents for
 * loading the Scheduling component alone), minified by esbuild into
 * `public/vendor/nylas-scheduling.<content hash>.js`, plus `components/scheduling/vendor-manifest.json`
 * naming that file. The page loads it as a module script from the HTML (ReactDOM.preinitModule), so
 * its download starts at HTML parse time, not after hydration, and the URL is cacheable forever.
 *
 * Beside it, its brotli (`.br`) and gzip (`.gz`) copies, compressed once here at the best level:
 * `next start` would otherwise gzip the 1.1 MB file on every request (~140 ms of a desktop load on
 * this machine, and gzip -6 only). next.config.ts sends the copy the browser accepts under the
 * module's own URL (vendoredModuleRoutes).
 *
 * Both outputs are git-ignored. Run on postinstall (scripts/vendor-nylas.ts) and from next.config.ts
 * (every `next build`, `next dev`, `next start`), where an up-to-date pair is left alone.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

/** The element's package, pinned exactly in package.json: the attributes we rely on are read from this version's source. */
export const NYLAS_WEB_ELEMENTS_PACKAGE = "@nylas/web-elements";
const CDN_ENTRY = `${NYLAS_WEB_ELEMENTS_PACKAGE}/dist/cdn/nylas-scheduling/nylas-scheduling.es.js`;
export const VENDOR_DIR = path.join("public", "vendor");
export const VENDOR_MANIFEST = path.join("components", "scheduling", "vendor-manifest.json");
const FILE_PATTERN = /^nylas-scheduling\.[0-9a-f]{16}\.js(\.br|\.gz)?$/;
/** The pre-compressed copies written beside the module: Content-Encoding → file suffix, in order of preference. */
export const VENDOR_ENCODINGS = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

/** The browser half of the availability prefill, bundled into the entry (a change to it rebuilds). */
const PREFILL_MODULE = path.join("lib", "scheduling", "scheduler-prefill.ts");

/**
 * The vendored module's entry. Once the document is parsed (at once if it already is), for every
 * server-rendered `<nylas-scheduling>`:
 * - its availability prefill (the `<script type="application/json" data-nylas-scheduling-prefill>`
 *   right before it, sandbox mode) becomes its `defaultSchedulerState`, set BEFORE the element is
 *   defined: the component reads that property once, when it loads, and then skips its own
 *   availability request (lib/scheduling/scheduler-prefill.ts). A prefill whose window holds no slot,
 *   or that does not parse, is left out: the component fetches as without one;
 * - then the element is defined, and gets its consent line (`data-consent-message`, the
 *   `localization` object property, which HTML cannot carry), without waiting for React: a
 *   candidate whose page never hydrates still books under the panel's notice, not Nylas's default
 *   text. (SchedulerHost sets it too, for an element React renders after a client-side navigation;
 *   such an element is created already defined, so it never gets a prefill and fetches itself.)
 */
const ENTRY = `import { defineCustomElement } from "${CDN_ENTRY}";
import { isAvailabilityPrefill, schedulerStateFromPrefill } from "./${PREFILL_MODULE.split(path.sep).join("/")}";
const applyPrefills = () => {
  for (const element of document.querySelectorAll("nylas-scheduling")) {
    const script = element.previousElementSibling;
    if (!script || !script.matches("script[type='application/json'][data-nylas-scheduling-prefill]")) continue;
    let prefill;
    try {
      prefill = JSON.parse(script.textContent || "");
    } catch {
      continue;
    }
    const state = isAvailabilityPrefill(prefill) ? schedulerStateFromPrefill(prefill, new Date()) : null;
    if (state) element.defaultSchedulerState = { ...element.defaultSchedulerState, ...state };
  }
};
const applyConsentMessages = () => {
  for (const element of document.querySelectorAll("nylas-scheduling[data-consent-message]")) {
    const message = element.getAttribute("data-consent-message");
    if (message) element.localization = { en: { notetakerConsentMessage: message } };
  }
};
const start = () => {
  applyPrefills();
  defineCustomElement();
  applyConsentMessages();
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
`;

/** The entry's identity: its text and the prefill module it bundles. */
function entryHash(root: string): string {
  const prefillFile = path.join(root, PREFILL_MODULE);
  const prefill = existsSync(prefillFile) ? readFileSync(prefillFile, "utf8") : "";
  return createHash("sha256").update(ENTRY).update("\0").update(prefill).digest("hex").slice(0, 16);
}

export type TVendorManifest = {
  /** Public URL of the vendored module, e.g. /vendor/nylas-scheduling.0123456789abcdef.js */
  src: string;
  /** @nylas/web-elements version it was built from. */
  version: string;
  /** Hash of the entry it was built with (ENTRY and the prefill module): a changed entry rebuilds. */
  entry: string;
};

function packageVersion(root: string): string {
  // Its exports map hides package.json from require(); read it from the installed folder.
  const file = path.join(root, "node_modules", NYLAS_WEB_ELEMENTS_PACKAGE, "package.json");
  if (!existsSync(file)) throw new Error(`${NYLAS_WEB_ELEMENTS_PACKAGE} is not installed (run npm install): <nylas-scheduling> cannot be vendored`);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** The manifest, when it and the files it names (the module and its compressed copies) exist and match the installed version; else null. */
export function readVendorManifest(root = process.cwd()): TVendorManifest | null {
  const manifestPath = path.join(root, VENDOR_MANIFEST);
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as TVendorManifest;
  if (manifest.version !== packageVersion(root) || manifest.entry !== entryHash(root)) return null;
  const file = path.join(root, "public", manifest.src);
  return [file, ...VENDOR_ENCODINGS.map(({ suffix }) => file + suffix)].every((f) => existsSync(f)) ? manifest : null;
}

/** Builds the vendored file and its manifest unless an up-to-date pair exists. Throws a clear error when it cannot. */
export async function vendorNylasScheduling(root = process.cwd(), { force = false } = {}): Promise<{ manifest: TVendorManifest; built: boolean }> {
  const current = force ? null : readVendorManifest(root);
  if (current) return { manifest: current, built: false };

  const { build } = await import("esbuild");
  let code: string;
  try {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: root, loader: "js" },
      bundle: true,
      format: "esm",
      minify: true,
      legalComments: "none",
      target: "es2020",
      define: { "process.env.NODE_ENV": '"production"' },
      write: false,
      logLevel: "silent",
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    throw new Error(`Could not vendor <nylas-scheduling> from ${CDN_ENTRY} (is ${NYLAS_WEB_ELEMENTS_PACKAGE} installed? run npm install): ${String(error)}`);
  }
  if (!code.includes('"nylas-scheduling"')) throw new Error(`Vendored ${CDN_ENTRY} does not define nylas-scheduling; was the package's layout changed?`);

  const name = `nylas-scheduling.${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  const dir = path.join(root, VENDOR_DIR);
  mkdirSync(dir, { recursive: true });
  // One vendored copy at a time: older hashes are removed.
  for (const old of readdirSync(dir)) if (FILE_PATTERN.test(old) && !old.startsWith(name)) rmSync(path.join(dir, old));
  const bytes = Buffer.from(code);
  writeFileSync(path.join(dir, name), bytes);
  // Once, at the best levels (a few seconds, only when the file changes): brotli 11 is ~20 % smaller than gzip.
  writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(path.join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  const manifest: TVendorManifest = { src: `/vendor/${name}`, version: packageVersion(root), entry: entryHash(root) };
  writeFileSync(path.join(root, VENDOR_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, built: true };
}

/**
 * An Accept-Encoding header (matched whole, case-insensitively by the caller's flag-free regex: browsers
 * send lower case) that takes `coding`: named, and not with q=0 (RFC 9110 §12.5.3). `*` is not read:
 * browsers name what they accept.
 */
export function acceptsEncodingPattern(coding: string): string {
  return `(.*[,\\s])?${coding}(?!\\s*;\\s*q\\s*=\\s*0(\\.0*)?\\s*(,|$))([,;\\s].*)?`;
}

type THeaderCondition = { type: "header"; key: string; value: string };
type TRewrite = { source: string; destination: string; has: THeaderCondition[]; missing?: THeaderCondition[] };
type THeaderRule = { source: string; has: THeaderCondition[]; missing?: THeaderCondition[]; headers: { key: string; value: string }[] };

/**
 * How next.config.ts serves the current module: cached for good (content-hashed, like Next's own
 * chunks: that file only, never a 404 for another hash), and in the best encoding the browser
 * accepts from the copies compressed ahead (a beforeFiles rewrite to `<file>.br` / `<file>.gz`,
 * with that Content-Encoding and the JavaScript type set on the module's own URL: Next's compression
 * leaves an encoded response alone). A browser that takes neither gets the plain file.
 */
export function vendoredModuleRoutes(manifest: Pick<TVendorManifest, "src">): { rewrites: TRewrite[]; headers: THeaderRule[] } {
  const rewrites: TRewrite[] = [];
  const headers: THeaderRule[] = [
    {
      source: manifest.src,
      has: [],
      headers: [
        { key: "Cache-Control", value: "public, max-age=31536000, immutable" },
        { key: "Vary", value: "Accept-Encoding" },
      ],
    },
  ];
  const preferred: THeaderCondition[] = [];
  for (const { encoding, suffix } of VENDOR_ENCODINGS) {
    const accepts: THeaderCondition = { type: "header", key: "accept-encoding", value: acceptsEncodingPattern(encoding) };
    const missing = preferred.length ? { missing: [...preferred] } : {};
    rewrites.push({ source: manifest.src, destination: manifest.src + suffix, has: [accepts], ...missing });
    headers.push({
      source: manifest.src,
      has: [accepts],
      ...missing,
      headers: [
        { key: "Content-Encoding", value: encoding },
        { key: "Content-Type", value: "text/javascript; charset=utf-8" },
      ],
    });
    preferred.push(accepts);
  }
  return { rewrites, headers };
}
