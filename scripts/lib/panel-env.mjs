// The environment the demo and the end-to-end tests give the panel: the simulator as eNom.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./ensure.mjs";

export const SIM_ACCOUNT = { uid: "resellid", pw: "resellpw" };

/** A random AUTH_SECRET kept in the data folder, so sign-ins survive a restart of the demo. */
export function localAuthSecret(dataDir) {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function simulatorPanelEnv({ simPort, simDnsPort, panelPort, dataDir, demo }) {
  return {
    NODE_ENV: "production",
    PORT: String(panelPort),
    // Required in production: the links in emails are built from it, never from a request's Host.
    PUBLIC_URL: `http://127.0.0.1:${panelPort}`,
    // No proxy in front: the client's address is the socket's, whatever X-Forwarded-For says.
    TRUSTED_PROXIES: "",
    ENOM_BASE_URL: `http://127.0.0.1:${simPort}/interface.asp`,
    ENOM_UID: SIM_ACCOUNT.uid,
    ENOM_PW: SIM_ACCOUNT.pw,
    // The simulator serves its host records over DNS: the mail-delivery checks ask it, not the internet.
    DNS_SERVERS: simDnsPort ? `127.0.0.1:${simDnsPort}` : (process.env.DNS_SERVERS ?? ""),
    EMBEDDED_POSTGRES_DIR: path.join(dataDir, "postgres"),
    AUTH_SECRET: localAuthSecret(path.resolve(root, dataDir)),
    MAILPAK_DEMO: demo ? "1" : "0",
    // No SMTP server here: the portal's emails are written as files that the demo and e2e read.
    MAIL_CAPTURE_DIR: path.resolve(root, dataDir, "mail"),
    SMTP_URL: "",
    // Where mailbox users' email programs connect (eNom's clusters differ, so each installation
    // names its own); the demo's stand-ins follow the domain, as a reseller's own names would.
    MAIL_IMAP_HOST: process.env.MAIL_IMAP_HOST ?? "mail.{domain}",
    MAIL_POP_HOST: process.env.MAIL_POP_HOST ?? "mail.{domain}",
    MAIL_SMTP_HOST: process.env.MAIL_SMTP_HOST ?? "mail.{domain}",
    MAIL_WEBMAIL_URL: process.env.MAIL_WEBMAIL_URL ?? "https://webmail.{domain}",
    // Keep the caller's database and Redis choices only when they are set explicitly.
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    REDIS_URL: process.env.REDIS_URL ?? "",
  };
}
