import { z } from "zod";

/**
 * The mail servers a mailbox's user sets up their email program with, per installation: eNom runs
 * its hosted email on more than one cluster, and eNom's own pages tell each user the names under
 * webmail's Settings → External access ("Manage Settings in Enom Webmail", support.enom.com,
 * article 201000065413). Mailpak knows no default host, since no eNom document we can cite names
 * one: the setup pages say what to set until these are. Ports default to the implicit-TLS ports of
 * RFC 8314 (IMAP 993, POP 995, submission 465). A host may hold `{domain}`, replaced by the
 * mailbox's domain (for resellers who point `mail.<domain>` at eNom's servers).
 *
 * Part of the environment contract (lib/env.ts spreads this shape into it).
 */
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The placeholder a host or the webmail address may hold for the mailbox's domain. */
export const DOMAIN_PLACEHOLDER = "{domain}";

const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** A host name as the variable holds it: `{domain}` is checked as if it were a domain. */
export function isMailHost(value: string): boolean {
  return HOSTNAME.test(value.split(DOMAIN_PLACEHOLDER).join("example.com"));
}

const host = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .trim()
    .refine(isMailHost, {
      message: "must be a host name such as mail.example.com (it may contain {domain})",
    })
    .optional(),
);

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const webmailUrl = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          const url = new URL(value.split(DOMAIN_PLACEHOLDER).join("example.com"));
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      },
      { message: "must be the full address of webmail, e.g. https://webmail.example.com" },
    )
    .optional(),
);

export const mailServerEnvShape = {
  /** Incoming mail over IMAP; with MAIL_SMTP_HOST, the setup pages and the Apple profile. */
  MAIL_IMAP_HOST: host,
  MAIL_IMAP_PORT: port(993),
  /** Incoming mail over POP3; unset, the setup pages offer IMAP only. */
  MAIL_POP_HOST: host,
  MAIL_POP_PORT: port(995),
  /** Outgoing mail (SMTP submission with the mailbox's own address and password). */
  MAIL_SMTP_HOST: host,
  MAIL_SMTP_PORT: port(465),
  /** Where the mailbox's user reads mail in a browser; unset, no webmail link is shown. */
  MAIL_WEBMAIL_URL: webmailUrl,
};

export type MailServerEnv = z.infer<z.ZodObject<typeof mailServerEnvShape>>;

/**
 * Problems of the variables taken together: an email program needs both an incoming and an
 * outgoing server, so one without the other is a mistake said at start, not a half-made profile.
 */
export function mailServerEnvIssues(env: MailServerEnv): { path: keyof MailServerEnv; message: string }[] {
  if (env.MAIL_IMAP_HOST && !env.MAIL_SMTP_HOST)
    return [
      { path: "MAIL_SMTP_HOST", message: "is required when MAIL_IMAP_HOST is set (the outgoing server)" },
    ];
  if (env.MAIL_SMTP_HOST && !env.MAIL_IMAP_HOST)
    return [
      { path: "MAIL_IMAP_HOST", message: "is required when MAIL_SMTP_HOST is set (the incoming server)" },
    ];
  if (env.MAIL_POP_HOST && !env.MAIL_SMTP_HOST)
    return [
      { path: "MAIL_SMTP_HOST", message: "is required when MAIL_POP_HOST is set (the outgoing server)" },
    ];
  return [];
}
