import { SPF_INCLUDE_HOST } from "./model";

/**
 * Reading and writing the two TXT records the health check cares about: SPF (RFC 7208) at the
 * apex and DMARC (RFC 7489) at `_dmarc`. Only as much of each grammar as the check needs.
 */

export type SpfAllQualifier = "+" | "-" | "~" | "?";

export interface SpfRecord {
  /** The qualifier of the first `all` term (the one that takes effect), or null when there is none. */
  all: SpfAllQualifier | null;
  /** Whether it includes the provider's senders directly (`include:_spf.emfwd.name-services.com`). */
  includesProvider: boolean;
  /** `redirect=`: the rest of the policy, including its `all`, comes from another record. */
  redirects: boolean;
}

const ALL_TERM = /^([+\-~?]?)all$/i;
const MODIFIER = /^[a-z][a-z0-9_.-]*=/i;

export function isSpf(txt: string): boolean {
  return /^v=spf1(\s|$)/i.test(txt.trim());
}

function termsOf(txt: string): string[] {
  return txt.trim().split(/\s+/).slice(1);
}

function qualifierOf(term: string): SpfAllQualifier | null {
  const match = ALL_TERM.exec(term);
  if (!match) return null;
  return (match[1] || "+") as SpfAllQualifier;
}

function isProviderInclude(term: string): boolean {
  return new RegExp(`^\\+?include:${SPF_INCLUDE_HOST.replace(/\./g, "\\.")}\\.?$`, "i").test(term);
}

export function parseSpf(txt: string): SpfRecord {
  const terms = termsOf(txt);
  const allTerm = terms.find((term) => ALL_TERM.test(term));
  return {
    all: allTerm === undefined ? null : qualifierOf(allTerm),
    includesProvider: terms.some(isProviderInclude),
    redirects: terms.some((term) => /^redirect=/i.test(term)),
  };
}

/**
 * One SPF record that keeps every sender of the given record(s) and adds the provider's include
 * before the `all`. A permissive or missing `all` (`+all`, `?all`, none) becomes `~all`: other
 * servers' mail is suspicious but not refused, the safe default for a one-click fix. Two or more
 * records (which make SPF invalid) are merged into one, `-all` only if every one of them said so.
 * Returns null where merging would guess: several records with modifiers (`redirect=`, `exp=`).
 */
export function spfWithProvider(records: readonly string[]): string | null {
  if (records.length === 0) return `v=spf1 include:${SPF_INCLUDE_HOST} ~all`;
  const mechanisms: string[] = [];
  const modifiers: string[] = [];
  const qualifiers: (SpfAllQualifier | null)[] = [];
  for (const record of records) {
    const terms = termsOf(record);
    qualifiers.push(parseSpf(record).all);
    for (const term of terms) {
      if (ALL_TERM.test(term)) continue;
      const list = MODIFIER.test(term) ? modifiers : mechanisms;
      if (!list.some((kept) => kept.toLowerCase() === term.toLowerCase())) list.push(term);
    }
  }
  if (records.length > 1 && modifiers.length > 0) return null;
  if (!mechanisms.some(isProviderInclude)) mechanisms.push(`include:${SPF_INCLUDE_HOST}`);
  const redirects = modifiers.some((term) => /^redirect=/i.test(term));
  let all: SpfAllQualifier | null;
  if (records.length > 1) all = qualifiers.every((q) => q === "-") ? "-" : "~";
  else {
    const [only = null] = qualifiers;
    all = only === "-" || only === "~" ? only : only === null && redirects ? null : "~";
  }
  return ["v=spf1", ...mechanisms, ...(all ? [`${all}all`] : []), ...modifiers].join(" ");
}

export type DmarcPolicy = "none" | "quarantine" | "reject";
export type DmarcRecord = { valid: true; policy: DmarcPolicy } | { valid: false };

/** A TXT that is meant as DMARC (even if badly written); others at `_dmarc` are not DMARC's business. */
export function looksLikeDmarc(txt: string): boolean {
  return /^\s*v\s*=\s*dmarc/i.test(txt);
}

const POLICIES: readonly string[] = ["none", "quarantine", "reject"];

/** RFC 7489 §6.4: `v=DMARC1` first and exactly so, a `p` policy, tags as `name=value` pairs. */
export function parseDmarc(txt: string): DmarcRecord {
  const parts = txt
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
  const tags = new Map<string, string>();
  for (const [index, part] of parts.entries()) {
    const match = /^([a-z]+)\s*=\s*(.*)$/i.exec(part);
    if (!match) return { valid: false };
    const [, name = "", value = ""] = match;
    if (index === 0 && (name !== "v" || value !== "DMARC1")) return { valid: false };
    if (tags.has(name.toLowerCase())) return { valid: false };
    tags.set(name.toLowerCase(), value.trim());
  }
  const policy = tags.get("p")?.toLowerCase();
  const subdomainPolicy = tags.get("sp")?.toLowerCase();
  const percent = tags.get("pct");
  if (policy === undefined || !POLICIES.includes(policy)) return { valid: false };
  if (subdomainPolicy !== undefined && !POLICIES.includes(subdomainPolicy)) return { valid: false };
  if (percent !== undefined && !(/^\d{1,3}$/.test(percent) && Number(percent) <= 100))
    return { valid: false };
  return { valid: true, policy: policy as DmarcPolicy };
}
