// The browser's side: first-load JavaScript per route (the chunks each page's HTML loads, gzip),
// and Lighthouse (performance, accessibility) on the domains page and the portal home.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { domainWithFreePak, root, signIn, startPanel, startSimulator, stopAll } from "./lib.mjs";

const run = promisify(execFile);
export const FIRST_LOAD_TARGET_KB = 200;

/** The routes a user opens, by who opens them; `{domain}` is a domain of the demo customer. */
const ROUTES = {
  admin: [
    "/",
    "/domains",
    "/domains/{staffDomain}",
    "/expirations",
    "/customers",
    "/audit",
    "/users",
    "/settings",
    "/account",
  ],
  customer: ["/portal", "/portal/domains/{customerDomain}"],
};

async function firstLoadJs(origin, cookie, route) {
  const response = await fetch(`${origin}${route}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  // Scripts a current browser runs: `noModule` ones (Next's legacy polyfills) it skips.
  const sources = [
    ...new Set(
      [...html.matchAll(/<script([^>]+)>/g)]
        .filter(([, attributes]) => !/\bnomodule\b/i.test(attributes))
        .map(([, attributes]) => /\bsrc="([^"]+\.js[^"]*)"/.exec(attributes)?.[1])
        .filter(Boolean),
    ),
  ];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(
      await (await fetch(new URL(src.replaceAll("&amp;", "&"), origin))).arrayBuffer(),
    );
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { route, status: response.status, scripts: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

async function lighthouse(url, cookie, { preset }) {
  const dir = mkdtempSync(path.join(tmpdir(), "mailpak-lh-"));
  const output = path.join(dir, "report.json");
  const args = [
    url,
    "--quiet",
    "--output=json",
    `--output-path=${output}`,
    "--only-categories=performance,accessibility",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    `--extra-headers=${JSON.stringify({ cookie })}`,
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  try {
    await run(path.join(root, "node_modules/.bin/lighthouse"), args, {
      env: {
        ...process.env,
        CHROME_PATH: process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      },
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(readFileSync(output, "utf8"));
    const audits = report.audits;
    const failing = Object.values(report.categories.accessibility.auditRefs)
      .map((ref) => audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 1)
      .map((audit) => audit.id);
    return {
      url: url.replace(/^https?:\/\/[^/]+/, ""),
      preset,
      performance: Math.round(report.categories.performance.score * 100),
      accessibility: Math.round(report.categories.accessibility.score * 100),
      fcpMs: audits["first-contentful-paint"]?.numericValue,
      lcpMs: audits["largest-contentful-paint"]?.numericValue,
      tbtMs: audits["total-blocking-time"]?.numericValue,
      cls: audits["cumulative-layout-shift"]?.numericValue,
      accessibilityFailures: failing,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPages({ panelPort, simPort, log, skipLighthouse = false }) {
  log("Pages: starting the simulator and the panel…");
  const sim = await startSimulator({ port: simPort, latencyMs: 0 });
  const panel = await startPanel({ port: panelPort, simPort });
  try {
    const admin = await signIn(panel.origin, "admin@demo.test");
    const customer = await signIn(panel.origin, "customer@demo.test");
    const staffDomain = (await domainWithFreePak(sim.url, 1)).domain;
    // The customer's own first domain, from the portal's domain list API-free: its home page links it.
    const portalHtml = await (
      await fetch(`${panel.origin}/portal`, { headers: { cookie: customer } })
    ).text();
    const customerDomain = /href="\/portal\/domains\/([^"/?#]+)"/.exec(portalHtml)?.[1] ?? staffDomain;
    const fill = (route) =>
      route.replace("{staffDomain}", staffDomain).replace("{customerDomain}", customerDomain);

    log("Pages: first-load JavaScript per route…");
    const firstLoad = [];
    for (const [who, routes] of Object.entries(ROUTES))
      for (const route of routes)
        firstLoad.push({
          who,
          ...(await firstLoadJs(panel.origin, who === "admin" ? admin : customer, fill(route))),
        });

    const scores = [];
    if (!skipLighthouse) {
      for (const [route, cookie] of [
        ["/domains", admin],
        ["/portal", customer],
      ]) {
        for (const preset of ["mobile", "desktop"]) {
          log(`Pages: Lighthouse ${route} (${preset})…`);
          // Warm the route once so the score is about the page, not the server's first compile.
          await fetch(`${panel.origin}${route}`, { headers: { cookie } });
          scores.push(await lighthouse(`${panel.origin}${route}`, cookie, { preset }));
        }
      }
    }
    return { firstLoad, lighthouse: scores };
  } finally {
    await stopAll(sim, panel);
  }
}
