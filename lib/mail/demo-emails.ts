import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import { getEnv } from "@/lib/env";

/**
 * The emails the demo wrote to MAIL_CAPTURE_DIR instead of sending them (invitations, password
 * resets, receipts, reminders), newest first, for the staff page "Demo emails". Only in the demo
 * (MAILPAK_DEMO=1) and only for staff: the links in them are sign-in secrets.
 */
export interface CapturedEmail {
  id: string;
  sentAt: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
}

const capturedSchema = z.object({
  to: z.array(z.string()),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
});

/** `20261207T142233123Z-ab12cd34.json` → the ISO time it was written. */
function sentAtOf(file: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/.exec(file);
  if (!match) return "";
  const [, year, month, day, hour, minute, second, ms] = match;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`;
}

export function demoMailEnabled(): boolean {
  const env = getEnv();
  return env.MAILPAK_DEMO === "1" && Boolean(env.MAIL_CAPTURE_DIR) && !env.SMTP_URL;
}

export async function readDemoEmails(user: SessionUser, limit = 100): Promise<CapturedEmail[]> {
  if (!isStaffRole(user.role) || !demoMailEnabled()) throw new NotFoundError("That page");
  const directory = getEnv().MAIL_CAPTURE_DIR ?? "";
  let files: string[];
  try {
    files = (await readdir(directory)).filter((file) => file.endsWith(".json"));
  } catch {
    return []; // nothing sent yet: the folder is made by the first email
  }
  const newest = files.sort().reverse().slice(0, limit);
  const emails = await Promise.all(
    newest.map(async (file): Promise<CapturedEmail | null> => {
      try {
        const parsed = capturedSchema.safeParse(
          JSON.parse(await readFile(path.join(directory, file), "utf8")),
        );
        if (!parsed.success) return null;
        return { id: file.replace(/\.json$/, ""), sentAt: sentAtOf(file), ...parsed.data };
      } catch {
        return null;
      }
    }),
  );
  return emails.filter((email): email is CapturedEmail => email !== null);
}
