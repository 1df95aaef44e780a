#!/usr/bin/env node
// `npm test`: everything a change must pass, on a fresh clone, ending with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium, ensureDependencies, log, root } from "./lib/ensure.mjs";

const resultsDir = path.join(root, "test-results");
const steps = [];
let passedTests = 0;
let failedTests = 0;
let skippedTests = 0;

function run(name, command, args, env = {}) {
  log(name);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function countVitest() {
  const report = readJson(path.join(resultsDir, "vitest.json"));
  if (!report) return false;
  passedTests += report.numPassedTests ?? 0;
  failedTests += report.numFailedTests ?? 0;
  skippedTests += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

function countPlaywright() {
  const report = readJson(path.join(resultsDir, "playwright.json"));
  if (!report?.stats) return false;
  passedTests += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  failedTests += report.stats.unexpected ?? 0;
  skippedTests += report.stats.skipped ?? 0;
  return true;
}

const started = Date.now();
try {
  ensureDependencies();
  ensureChromium();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  console.log("\ntests: 0 passed, 1 failed");
  process.exit(1);
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, "node_modules/.bin", name);

run("Type check (tsc)", bin("tsc"), ["--noEmit", "-p", "."]);
run("Lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]);
run("Format (prettier --check)", bin("prettier"), ["--check", "--log-level=warn", "."]);
run("Unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(resultsDir, "vitest.json")}`,
]);
if (!countVitest()) failedTests += 1;

if (run("Production build (next build)", bin("next"), ["build"])) {
  run("End-to-end tests (playwright, Chromium)", bin("playwright"), ["test", "-c", "e2e"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(resultsDir, "playwright.json"),
  });
  if (!countPlaywright()) failedTests += 1;
} else {
  steps.push({ name: "End-to-end tests (skipped: the build failed)", ok: false, seconds: 0 });
  failedTests += 1;
}

const failedSteps = steps.filter((step) => !step.ok);
console.log("\nSummary");
for (const step of steps) console.log(`  ${step.ok ? "✓" : "✗"} ${step.name} (${step.seconds.toFixed(1)} s)`);
console.log(
  `  total ${((Date.now() - started) / 1000).toFixed(0)} s${existsSync(resultsDir) ? `, reports in test-results/` : ""}`,
);
if (failedSteps.length > 0 && failedTests === 0) failedTests = failedSteps.length;
console.log(
  `\ntests: ${passedTests} passed, ${failedTests} failed${skippedTests ? `, ${skippedTests} skipped` : ""}`,
);
process.exit(failedSteps.length > 0 || failedTests > 0 ? 1 : 0);
