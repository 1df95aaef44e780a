// Starting and stopping the simulator and the panel as child processes.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { root } from "./ensure.mjs";

/**
 * `group: true` starts the child in its own process group so that stopProcess can end it with
 * its grandchildren (the demo, stopped by Ctrl-C). Without it the child stays in our group, so
 * whoever ends us (Playwright ends its web servers' groups) ends it too.
 */
export function startProcess(name, command, args, env, { quiet = false, group = false, logFile } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: logFile
      ? ["ignore", "pipe", "pipe"]
      : quiet
        ? ["ignore", "ignore", "inherit"]
        : ["ignore", "inherit", "inherit"],
    detached: group && process.platform !== "win32",
  });
  if (logFile) teeOutput(child, logFile, { quiet });
  child.inGroup = group;
  child.on("exit", (code, signal) => {
    if (!child.stoppedOnPurpose) {
      process.stderr.write(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).\n`);
      process.exitCode = 1;
    }
  });
  return child;
}

/**
 * `logFile`: the child's stdout and stderr also go to this file (emptied first), so a test can read
 * every line the panel wrote.
 */
function teeOutput(child, logFile, { quiet }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const file = createWriteStream(logFile, { flags: "w" });
  child.stdout.on("data", (chunk) => {
    file.write(chunk);
    if (!quiet) process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk) => {
    file.write(chunk);
    process.stderr.write(chunk);
  });
  child.on("exit", () => file.end());
}

export function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  child.stoppedOnPurpose = true;
  try {
    // The whole group: `npx`/`tsx` start grandchildren that must go too.
    if (child.inGroup) process.kill(-child.pid, "SIGTERM");
    else child.kill("SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

/** Polls a URL until it answers (any HTTP status) or the time runs out. */
export async function waitForUrl(url, { timeoutMs = 60_000, okOnly = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (!okOnly || response.ok) return response;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
}
