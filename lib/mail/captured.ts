import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { CapturedMail } from "./message";

/** The emails the capture transport wrote to `directory`, oldest first (tests and the demo read them). */
export async function readCapturedMail(directory: string): Promise<CapturedMail[]> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const files = names.filter((name) => name.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (name) => JSON.parse(await readFile(path.join(directory, name), "utf8")) as CapturedMail),
  );
}

/** The first link in a captured email's text that goes to `pathPrefix` (e.g. "/invite/"). */
export function linkIn(mail: CapturedMail, pathPrefix: string): string | null {
  for (const match of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return match[0];
  }
  return null;
}
