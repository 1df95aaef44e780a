import "server-only";

/**
 * What never leaves the client in a log line or an error: the reseller's UID and PW, and every
 * parameter whose name looks like a password (`Password1`, `NewPW`, …). Matching by name, not
 * by a list, so a parameter added later is covered without anyone remembering to add it.
 */
const SECRET_NAME = /pass|pw/i;
const REDACTED = "[redacted]";

export function isSecretParam(name: string): boolean {
  return SECRET_NAME.test(name) || name.toLowerCase() === "uid";
}

/** A copy of the parameters safe to log. */
export function redactParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) safe[name] = isSecretParam(name) ? REDACTED : value;
  return safe;
}

/** The values to scrub from anything eNom or the network says back (eNom may echo its input). */
export function secretValues(params: Readonly<Record<string, string>>): string[] {
  return Object.entries(params)
    .filter(([name, value]) => isSecretParam(name) && value.length > 0)
    .map(([, value]) => value)
    .sort((a, b) => b.length - a.length); // longest first, so a password containing another is scrubbed whole
}

/**
 * Replaces every secret in `text`. Secrets shorter than 3 characters are left alone: scrubbing
 * every "a" from a message would make it unreadable, and no real credential is that short.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A raw reply with every mailbox password value emptied, in each of eNom's formats: GetPOP3's
 * `<password>…</password>` (XML; everything up to the closing tag, CDATA and stray `<` included),
 * `Password1=…` (Text), `<STRONG>Password1: </ STRONG>…<br>` (HTML) and `Password1: …` (HTML read
 * as text, as eNom's pages print it). Matching by element name, not by value, so a password equal
 * to some other value is no risk, and a reply cut short inside a password still loses it.
 */
export function withoutMailboxPasswords(body: string): string {
  return body
    .replace(/(<password\d*(?:\s[^>]*)?>)(?:(?!<\/password)[\s\S])*/gi, "$1")
    .replace(/(<strong>\s*password\d*\s*:\s*<\/\s*strong\s*>)(?:(?!<br)[^\r\n])*/gi, "$1")
    .replace(/^([ \t]*password\d*[ \t]*[=:])[^\r\n]*/gim, "$1");
}
