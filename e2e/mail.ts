import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

/**
 * The panel under test has no SMTP server: it writes each email to data/e2e-<panel port>/mail as
 * `<timestamp>-<id>.json` (see lib/mail/transport.ts). A spec opens the inbox before the step that
 * sends, then waits for the new email to its recipient and takes the link from it.
 */
const panelPort = Number(process.env.E2E_PANEL_PORT ?? 3100);
export const MAIL_DIR = path.resolve("data", `e2e-${panelPort}`, "mail");

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

async function jsonFiles(): Promise<string[]> {
  const names = await readdir(MAIL_DIR).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(".json")).sort();
}

/** Which of a recipient's emails a spec waits for: a subject's start, a pattern, or any. */
export type MailMatch = string | RegExp | ((mail: CapturedMail) => boolean);

function matches(mail: CapturedMail, match: MailMatch | undefined): boolean {
  if (match === undefined) return true;
  if (typeof match === "string") return mail.subject.startsWith(match);
  if (match instanceof RegExp) return match.test(mail.subject);
  return match(mail);
}

export interface Inbox {
  /**
   * The first email to `to` written since the inbox was opened that `match`es; fails after a while
   * without one. Other emails to `to` (the panel's scheduled reminders arrive whenever the demo's
   * paks come due) are left for a later call rather than mistaken for the one awaited.
   */
  next(to: string, match?: MailMatch): Promise<CapturedMail>;
  /** The link to `pathPrefix` (e.g. "/invite/") in the next email to `to`. */
  nextLink(to: string, pathPrefix: string): Promise<string>;
}

export async function openInbox(): Promise<Inbox> {
  const seen = new Set(await jsonFiles());
  const next = async (to: string, match?: MailMatch): Promise<CapturedMail> => {
    let found: CapturedMail | undefined;
    await expect
      .poll(
        async () => {
          for (const name of await jsonFiles()) {
            if (seen.has(name)) continue;
            const mail = JSON.parse(await readFile(path.join(MAIL_DIR, name), "utf8")) as CapturedMail;
            const addressed = mail.to.map((address) => address.toLowerCase()).includes(to.toLowerCase());
            if (addressed && matches(mail, match)) {
              seen.add(name);
              found = mail;
              return true;
            }
          }
          return false;
        },
        {
          message: `an email to ${to}${match === undefined ? "" : " (the one awaited)"} in ${MAIL_DIR}`,
          timeout: 15_000,
        },
      )
      .toBe(true);
    if (!found) throw new Error(`No email to ${to}.`);
    return found;
  };
  return {
    next,
    async nextLink(to, pathPrefix) {
      const linksTo = (mail: CapturedMail) =>
        (mail.text.match(/https?:\/\/\S+/g) ?? []).some((url) =>
          new URL(url).pathname.startsWith(pathPrefix),
        );
      const mail = await next(to, linksTo);
      const link = mail.text
        .match(/https?:\/\/\S+/g)
        ?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
      if (!link) throw new Error(`The email "${mail.subject}" to ${to} has no ${pathPrefix} link.`);
      return link;
    },
  };
}

/** The link's path and query, to open on the panel under test whatever host the email names. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** Every email the panel under test has written so far, oldest first (not only since an inbox opened). */
export async function allMail(): Promise<CapturedMail[]> {
  const mails: CapturedMail[] = [];
  for (const name of await jsonFiles())
    mails.push(JSON.parse(await readFile(path.join(MAIL_DIR, name), "utf8")) as CapturedMail);
  return mails;
}
