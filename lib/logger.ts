import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import pino from "pino";

/**
 * Paths that never reach a log line: eNom credentials (uid/pw in any casing), every mailbox
 * password, session secrets. pino's redaction is by path; the eNom client also strips these from
 * the parameter objects it logs, so a new field name cannot slip through by accident.
 */
export const REDACTED_PATHS = [
  "pw",
  "PW",
  "password",
  "*.pw",
  "*.PW",
  "*.password",
  "*.Password",
  "*.newPassword",
  "*.secret",
  "*.token",
  "params.pw",
  "params.uid",
  "headers.cookie",
  "headers.authorization",
];

/**
 * What every line written while serving one request carries (its requestId), however deep the
 * code that logs; lib/request-context.ts opens the scope. On globalThis: route bundles may each
 * hold a copy of this module.
 */
export type LogScope = { requestId?: string };
const scopes = ((globalThis as { mailpakLogScopes?: AsyncLocalStorage<LogScope> }).mailpakLogScopes ??=
  new AsyncLocalStorage<LogScope>());

export function withLogScope<T>(scope: LogScope, run: () => T): T {
  return scopes.run(scope, run);
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  base: { app: "mailpak" },
  mixin: () => scopes.getStore() ?? {},
});

export type Logger = typeof logger;

const ANSI_COLOURS = /\u001b\[[0-9;]*m/g;

/**
 * Next.js and libraries (next-auth) print with console.*; a production server routes those lines
 * through the logger too, so a log collector reads one JSON object per line, with the request id
 * when there is one. Once per process, after the start-up checks (their messages stay plain text).
 */
export function routeConsoleToLogger(): void {
  const target = globalThis as { mailpakConsoleRouted?: boolean };
  if (target.mailpakConsoleRouted) return;
  target.mailpakConsoleRouted = true;
  const route =
    (level: "error" | "warn" | "info" | "debug") =>
    (...args: unknown[]) => {
      const err = args.find((arg): arg is Error => arg instanceof Error);
      const rest = args.filter((arg) => arg !== err);
      const message = (rest.length ? format(...rest) : (err?.message ?? "")).replace(ANSI_COLOURS, "").trim();
      logger[level]({ source: "console", ...(err ? { err } : {}) }, message);
    };
  console.error = route("error");
  console.warn = route("warn");
  console.log = route("info");
  console.info = route("info");
  console.debug = route("debug");
}
