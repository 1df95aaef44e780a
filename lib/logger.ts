import "server-only";
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

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  base: { app: "mailpak" },
});

export type Logger = typeof logger;
