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
