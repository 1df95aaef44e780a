// @ts-check
const { version } = require("./package.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds coexist on one machine (parallel e2e runs, benchmarks); `.next` by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and worker-thread packages must stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino"],
  env: { MAILPAK_VERSION: version },
  // The type check and lint run in `npm test` as their own steps; the build need not repeat them.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
