#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (never part of `npm test`), bounded and on
// loopback. Writes the panel's figures into docs/benchmarks.md and prints where.
//   --skip-build        use the build in NEXT_DIST_DIR (.next-bench) as it is
//   --only a,b          only these scenarios: sim, parse, reads, bulk, large, pages, size
//                       (size, an account of any size with a 10-minute soak, runs only when named)
//   --seconds N         seconds per load phase (default 10)
//   --no-lighthouse     skip Lighthouse (first-load JavaScript is still measured)
//   --report-only       rewrite docs/benchmarks.md from the last figures (data/bench/results.json)
//   --help              this text
//   BENCH_PANEL_PORT (3580), BENCH_SIM_PORT (4580)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runBulk } from "./bench/bulk.mjs";
import { anySizeSection, runAnySize } from "./bench/any-size.mjs";
import { runLargeAccount } from "./bench/large-account.mjs";
import { ensureBuild } from "./bench/lib.mjs";
import { panelSection } from "./bench/panel-report.mjs";
import { runPages } from "./bench/pages.mjs";
import { runReads } from "./bench/reads.mjs";
import { machine, writeSection } from "./bench/report.mjs";
import { ensureDependencies, log, root } from "./lib/ensure.mjs";

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  // The usage is the comment at the top of this file.
  const text = readFileSync(new URL(import.meta.url), "utf8").split("\n");
  const usage = text.slice(
    1,
    text.findIndex((line) => line.startsWith("import")),
  );
  console.log(usage.map((line) => line.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const only = new Set(option("--only", "sim,parse,reads,bulk,large,pages").split(","));
const seconds = Number(option("--seconds", "10"));
const panelPort = Number(process.env.BENCH_PANEL_PORT ?? 3580);
const simPort = Number(process.env.BENCH_SIM_PORT ?? 4580);
const ports = { panelPort, simPort, log };

ensureDependencies();
const startedAt = Date.now();
const about = machine();
const errors = [];
// A partial run (--only) keeps the other scenarios' latest figures.
const saved = path.join(root, "data/bench/results.json");
const reportOnly = argv.includes("--report-only");
const results =
  existsSync(saved) && (only.size < 6 || reportOnly) ? JSON.parse(readFileSync(saved, "utf8")) : {};
if (reportOnly) {
  const file = writeSection(
    "bench:panel",
    panelSection({ machine: results.machine ?? about, results, errors, seconds }),
    {
      before: "## eNom simulator",
    },
  );
  log(`Wrote ${path.relative(process.cwd(), file)} from ${path.relative(process.cwd(), saved)}.`);
  process.exit(0);
}

if (only.has("sim")) {
  log("The eNom simulator (scripts/bench-sim.mjs)");
  const result = spawnSync(process.execPath, [path.join(root, "scripts/bench-sim.mjs"), "--seconds", "5"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) errors.push("scripts/bench-sim.mjs failed; see its output.");
}

/** The client's XML reading of a 10,000-domain account, in-process (tsx: the client is server-only). */
function runParse() {
  const result = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/bench/parse.mts"],
    { cwd: root, encoding: "utf8", timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`scripts/bench/parse.mts failed: ${result.stderr.slice(-500)}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

const scenarios = [
  ["parse", "Reading a large account's XML", runParse],
  ["reads", "Reads", () => runReads({ ...ports, seconds })],
  ["bulk", "Bulk create", () => runBulk(ports)],
  ["large", "Large account", () => runLargeAccount(ports)],
  ["pages", "Pages", () => runPages({ ...ports, skipLighthouse: argv.includes("--no-lighthouse") })],
  [
    "size",
    "An account of any size",
    () =>
      runAnySize({
        ...ports,
        seconds,
        soakMinutes: Number(option("--soak-minutes", "10")),
        syncLatency: option("--sync-latency", "on") !== "off",
        jobs: option("--jobs", "on") !== "off",
      }),
  ],
];
// A pages-only rerun of the size scenario (`--sync-latency off --soak-minutes 0`) keeps the
// measured sync and soak of the full run beside it.
const sizeKey = option("--sync-latency", "on") === "off" ? "anySizePages" : "anySize";
const keys = {
  parse: "parse",
  reads: "reads",
  bulk: "bulk",
  large: "largeAccount",
  pages: "pages",
  size: sizeKey,
};

if (scenarios.some(([name]) => only.has(name))) {
  try {
    if (scenarios.some(([name]) => name !== "parse" && only.has(name)))
      ensureBuild({ skipBuild: argv.includes("--skip-build"), log });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  for (const [name, title, run] of scenarios) {
    if (!only.has(name)) continue;
    log(`${title}`);
    try {
      const fresh = await run();
      // A pages rerun that skipped the jobs or the soak keeps those of the rerun before it.
      if (keys[name] === "anySizePages" && results.anySizePages)
        for (const field of ["importJob", "renewalJob", "memory"])
          fresh[field] ??= results.anySizePages[field];
      results[keys[name]] = fresh;
      console.log(JSON.stringify(results[keys[name]], null, 2));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${title} failed: ${message}`);
      errors.push(`${title}: ${message}`);
    }
  }
  results.machine = about;
  mkdirSync(path.dirname(saved), { recursive: true });
  writeFileSync(saved, JSON.stringify(results, null, 2));
  const file = writeSection("bench:panel", panelSection({ machine: about, results, errors, seconds }), {
    before: "## eNom simulator",
  });
  if (results.anySize)
    writeSection(
      "bench:any-size",
      anySizeSection({
        machine: results.machine,
        result: results.anySize,
        pagesRun: results.anySizePages,
        previous: results.largeAccount,
      }),
      { before: "<!-- bench:panel:start -->" },
    );
  log(
    `Wrote ${path.relative(process.cwd(), file)} (${Math.round((Date.now() - startedAt) / 1000)} s in all).`,
  );
}
process.exit(errors.length ? 1 : 0);
