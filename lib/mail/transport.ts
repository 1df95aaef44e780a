import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { CapturedMail, MailMessage } from "./message";

/**
 * How Mailpak's emails leave: through the SMTP server of SMTP_URL; else written as files to
 * MAIL_CAPTURE_DIR (the demo and the tests read them there); else dropped with a warning. Logs
 * name the template and the number of recipients, never the content: links carry secrets.
 */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

const mailLogger = logger.child({ module: "mail" });
const globalForMail = globalThis as unknown as { mailpakTransport?: MailTransport };

export function getMailTransport(): MailTransport {
  globalForMail.mailpakTransport ??= transportFromEnv();
  return globalForMail.mailpakTransport;
}

/** Puts another transport in place (tests: one that fails); returns the one it replaced. */
export function replaceMailTransport(transport: MailTransport): MailTransport | undefined {
  const previous = globalForMail.mailpakTransport;
  globalForMail.mailpakTransport = transport;
  return previous;
}

/** Sends one email; throws when the transport fails (callers decide what that means). */
export function sendMail(message: MailMessage): Promise<void> {
  return getMailTransport().send(message);
}

function transportFromEnv(): MailTransport {
  const env = getEnv();
  if (env.SMTP_URL) return smtpTransport(env.SMTP_URL, env.MAIL_FROM);
  if (env.MAIL_CAPTURE_DIR) return captureTransport(env.MAIL_CAPTURE_DIR, env.MAIL_FROM);
  return {
    async send(message) {
      mailLogger.warn(
        { template: message.template, recipients: message.to.length },
        "an email was not sent: set SMTP_URL (or MAIL_CAPTURE_DIR to keep emails as files)",
      );
    },
  };
}

/** MAIL_FROM's address under the display name the email is sent as (the reseller's product name). */
export function fromAddress(mailFrom: string, displayName?: string): Mail.Address | string {
  if (!displayName) return mailFrom;
  const address = /<([^>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { name: displayName, address };
}

function nodemailerMessage(message: MailMessage, mailFrom: string): Mail.Options {
  return {
    from: fromAddress(mailFrom, message.fromName),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers ?? {},
  };
}

export function smtpTransport(url: string, mailFrom: string): MailTransport {
  const smtp = nodemailer.createTransport(url);
  return {
    async send(message) {
      const info = await smtp.sendMail(nodemailerMessage(message, mailFrom));
      mailLogger.info(
        { template: message.template, recipients: message.to.length, messageId: info.messageId },
        "email sent",
      );
    },
  };
}

/**
 * Writes `<timestamp>-<id>.eml` (the message as an SMTP server would get it) and then
 * `<timestamp>-<id>.json`; each file appears whole (written aside, then renamed), so a reader
 * that waits for the .json never sees half an email.
 */
export function captureTransport(directory: string, mailFrom: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const options = nodemailerMessage(message, mailFrom);
      const built = (await builder.sendMail(options)) as { message: Buffer };
      const from = formatAddress(fromAddress(mailFrom, message.fromName));
      const captured: CapturedMail = {
        to: message.to,
        from,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers ?? {},
      };
      await mkdir(directory, { recursive: true });
      const base = `${new Date().toISOString().replace(/[-:.]/g, "")}-${randomUUID().slice(0, 8)}`;
      await writeWhole(path.join(directory, `${base}.eml`), built.message);
      await writeWhole(path.join(directory, `${base}.json`), `${JSON.stringify(captured, null, 2)}\n`);
      mailLogger.info(
        { template: message.template, recipients: message.to.length, file: `${base}.json` },
        "email captured",
      );
    },
  };
}

function formatAddress(address: Mail.Address | string): string {
  if (typeof address === "string") return address;
  return `"${(address.name ?? "").replace(/["\\]/g, "")}" <${address.address}>`;
}

async function writeWhole(file: string, content: string | Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, file);
}
