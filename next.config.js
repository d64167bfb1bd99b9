// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (app, lib, cli, scripts) in the test
  // line; checking again inside `next build` only doubles build time on small machines.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    // = SERVER_ACTION_BODY_LIMIT_BYTES (lib/http/limits.ts): every policy the schema accepts fits.
    serverActions: { bodySizeLimit: "2mb" },
  },
  // Packages that must stay as Node modules on the server (wasm, native pg, workers).
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pino",
    "@prisma/adapter-pg",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // The same as STATIC_SECURITY_HEADERS in lib/http/security-headers.ts (a test compares);
          // pages and routes also get the CSP, HSTS and no-store from proxy.ts.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
