#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (never part of `npm test`).
// Each writes its figures as JSON; docs/benchmarks.md records them with the machine and date.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDependencies, log, root } from "./lib/ensure.mjs";

ensureDependencies();
const benchmarks = [["The eNom simulator", "scripts/bench-sim.mjs"]];
let failed = false;
for (const [name, script] of benchmarks) {
  log(name);
  const result = spawnSync(process.execPath, [path.join(root, script), ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
  });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
