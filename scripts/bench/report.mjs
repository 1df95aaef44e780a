// docs/benchmarks.md: the panel's section and the soak's are written between markers; the rest of
// the file (the simulator's section, written by hand from scripts/bench-sim.mjs) is kept as it is.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../lib/ensure.mjs";

export const REPORT = path.join(root, "docs/benchmarks.md");

export function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {}
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
  return {
    text: `${nproc} cores (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${os.type()} ${os.release()}`,
    load: `load average at the start: ${load}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

export const ms = (n) =>
  Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en")} ms` : "–";
export const num = (n, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString("en", { maximumFractionDigits: digits }) : "–";
export const met = (ok) => (ok ? "**met**" : "**not met**");

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Replaces (or appends) the block between `<!-- name:start -->` and `<!-- name:end -->`. */
export function writeSection(name, markdown, { before } = {}) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "# Benchmarks\n";
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else if (before && text.includes(before)) text = text.replace(before, `${block}\n\n${before}`);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT, text);
  // The repository's own formatting, so `npm run format:check` stays green after a run.
  try {
    execFileSync(path.join(root, "node_modules/.bin/prettier"), ["--write", REPORT], { stdio: "ignore" });
  } catch {
    // prettier missing: the file is still correct Markdown
  }
  return REPORT;
}
