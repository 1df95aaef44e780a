import "server-only";

/**
 * The last look before a reply is written to disk: GetPOP3 sends every mailbox password in clear
 * (docs/get-pop-3.md), and lib/enom removes them before the check ever sees a reply. This checks
 * again, and removes whatever is left: any `<password>` value, any `PasswordN=` line, and every
 * secret the check itself sent (the eNom password or token, the test mailboxes' passwords).
 */
export const REMOVED = "[redacted]";

/** A value that is no longer a password: empty, or a marker (no eNom password is all asterisks). */
export function isRemovedSecret(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === "" || /^\[(redacted|removed)\]$/i.test(trimmed) || /^\*+$/.test(trimmed);
}

export type Scrubbed = {
  body: string;
  /** What had to be removed here: for the report (never the values themselves). */
  found: string[];
};

const XML_PASSWORD = /<(password\d*)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>/gi;
const TEXT_PASSWORD = /^(\s*(?:<STRONG>)?\s*password\d*\s*(?::\s*<\/\s*STRONG>|[=:]))(.*)$/gim;

export function scrubReply(body: string, knownSecrets: readonly string[]): Scrubbed {
  const found: string[] = [];
  let out = body.replace(
    XML_PASSWORD,
    (whole, name: string, attributes: string | undefined, value: string) => {
      const plain = value.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, "$1");
      if (isRemovedSecret(plain)) return whole;
      found.push(`<${name}>`);
      return `<${name}${attributes ?? ""}>${REMOVED}</${name}>`;
    },
  );
  out = out.replace(TEXT_PASSWORD, (whole, key: string, value: string) => {
    const plain = value.replace(/<br>\s*$/i, "");
    if (isRemovedSecret(plain)) return whole;
    found.push(key.replace(/[=:<>/\s]|STRONG/gi, ""));
    return `${key}${REMOVED}`;
  });
  // Longest first, so that a secret containing another is removed whole.
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < 3 || !out.includes(secret)) continue;
    found.push("a secret the check sent");
    out = out.split(secret).join(REMOVED);
  }
  return { body: out, found };
}
