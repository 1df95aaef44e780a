// `npm start`: the built panel in production. Checks that a build exists, caps the V8 heap unless
// the caller chose a size (the panel's memory budget is 350 MB resident), and passes signals on so
// a process manager's SIGTERM stops the panel cleanly.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/ensure.mjs";

const HEAP_MB = 384;

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
  process.stderr.write(`There is no production build in ${distDir}. Run \`npm run build\` first.\n`);
  process.exit(1);
}

const port = process.env.PORT || "3000";
const nodeOptions = process.env.NODE_OPTIONS ?? "";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NODE_OPTIONS: /--max-old-space-size\b/.test(nodeOptions)
    ? nodeOptions
    : `${nodeOptions} --max-old-space-size=${HEAP_MB}`.trim(),
};

const child = spawn(
  process.execPath,
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, ...process.argv.slice(2)],
  { cwd: root, env, stdio: "inherit" },
);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on("error", (error) => {
  process.stderr.write(`Could not start the panel: ${error.message}\n`);
  process.exit(1);
});

child.on("exit", (code, signal) => {
  // Exit the way the panel did, so a supervisor sees the real outcome.
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 0);
});
