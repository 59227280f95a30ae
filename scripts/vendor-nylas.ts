/**
 * `npm run vendor:nylas` (also run on postinstall and by next.config.ts): writes the vendored
 * `<nylas-scheduling>` module to public/vendor/ and its manifest (scripts/lib/vendor-nylas.ts).
 * `--force` rebuilds even when an up-to-date copy exists.
 */
import { vendorNylasScheduling } from "./lib/vendor-nylas";

const { manifest, built } = await vendorNylasScheduling(process.cwd(), { force: process.argv.includes("--force") });
console.log(`${built ? "vendored" : "up to date:"} ${manifest.src} (@nylas/web-elements ${manifest.version})`);
