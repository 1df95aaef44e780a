import "server-only";
import { getEnv } from "@/lib/env";
import { securityOfPort, type MailServer, type MailServerSettings } from "./model";
import { DOMAIN_PLACEHOLDER, type MailServerEnv } from "./server-env";

/**
 * The installation's mail servers for one domain, from the environment (server-env.ts, checked at
 * start by lib/env.ts). `{domain}` in a host or in the webmail address becomes the domain.
 */
export function getMailServerSettings(domain: string): MailServerSettings {
  return mailServerSettingsFrom(getEnv(), domain);
}

/** The variables that make the setup complete, for the staff's notice; never shown to customers. */
export const REQUIRED_MAIL_SERVER_VARIABLES = ["MAIL_IMAP_HOST", "MAIL_SMTP_HOST"] as const;

export function mailServerSettingsFrom(env: MailServerEnv, domain: string): MailServerSettings {
  const fill = (value: string) => value.split(DOMAIN_PLACEHOLDER).join(domain.toLowerCase());
  const server = (host: string | undefined, port: number): MailServer | null =>
    host ? { host: fill(host).toLowerCase(), port, security: securityOfPort(port) } : null;
  const webmailUrl = env.MAIL_WEBMAIL_URL ? fill(env.MAIL_WEBMAIL_URL) : null;
  const imap = server(env.MAIL_IMAP_HOST, env.MAIL_IMAP_PORT);
  const smtp = server(env.MAIL_SMTP_HOST, env.MAIL_SMTP_PORT);
  if (!imap || !smtp)
    return {
      configured: false,
      webmailUrl,
      missing: REQUIRED_MAIL_SERVER_VARIABLES.filter((name) => !env[name]),
    };
  return {
    configured: true,
    servers: { imap, pop: server(env.MAIL_POP_HOST, env.MAIL_POP_PORT), smtp },
    webmailUrl,
  };
}
