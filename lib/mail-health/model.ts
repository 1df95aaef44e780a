/**
 * The shapes shared by the mail health check (evaluate.ts), its fix (fix-plan.ts) and the DNS
 * lookups that feed them (lookup.ts). Pure: no I/O, safe for tests and the browser.
 */

/** One DNS question's answer, kept apart so a failed lookup is never mistaken for a missing record. */
export type LookupOutcome<T> =
  | { kind: "found"; records: T[] }
  /** The name has no such record (NODATA) or does not exist at all (NXDOMAIN). */
  | { kind: "none" }
  /** No usable answer: a timeout, SERVFAIL, REFUSED, no server reachable. */
  | { kind: "failed"; code: string };

export interface MxAnswer {
  exchange: string;
  priority: number;
}

/** What the health check asked DNS about one domain. TXT strings are whole (their chunks joined). */
export interface MailDnsLookups {
  domain: string;
  mx: LookupOutcome<MxAnswer>;
  /** TXT at the apex, where SPF lives. */
  apexTxt: LookupOutcome<string>;
  /** TXT at `_dmarc.<domain>`. */
  dmarcTxt: LookupOutcome<string>;
  /** CNAME targets at `k1._domainkey.<domain>` and `k2._domainkey.<domain>`. */
  dkim: { k1: LookupOutcome<string>; k2: LookupOutcome<string> };
  ns: LookupOutcome<string>;
}

export type HealthStatus = "green" | "amber" | "red" | "unknown";
export type CheckId = "mx" | "spf" | "dkim" | "dmarc" | "service";
export const CHECK_IDS: readonly CheckId[] = ["mx", "spf", "dkim", "dmarc", "service"];

/** Whether the provider's email service is on for the domain (GetMailHosts), or not known. */
export type EmailServiceState = boolean | "unknown";

export type DkimSelector = "k1" | "k2";
export const DKIM_SELECTORS: readonly DkimSelector[] = ["k1", "k2"];

/** Host names and values the provider publishes for a domain's hosted email. */
export interface ProviderRecords {
  mx: string;
  spfInclude: string;
  dkim: Record<DkimSelector, string>;
  /** What a one-click fix writes at `_dmarc` when there is no DMARC record (see fix-plan.ts). */
  dmarc: string;
}

export const SPF_INCLUDE_HOST = "_spf.emfwd.name-services.com";
/** The provider's name servers: a domain that uses them has its host records at the provider. */
const PROVIDER_NAME_SERVER = /(^|\.)name-services\.com$/;

export function providerRecords(domain: string): ProviderRecords {
  const name = normaliseHost(domain);
  return {
    mx: `mx.${name}.cust.a.hostedemail.com`,
    spfInclude: `include:${SPF_INCLUDE_HOST}`,
    dkim: { k1: `k1.${name}.dkim.hostedemail.link`, k2: `k2.${name}.dkim.hostedemail.link` },
    dmarc: "v=DMARC1; p=none",
  };
}

/** Host names compare without case and without the root's trailing dot. */
export function normaliseHost(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, "");
}

export function sameHost(a: string, b: string): boolean {
  return normaliseHost(a) === normaliseHost(b);
}

/** Whether the domain's name servers are the provider's: true, false, or "unknown" when NS failed. */
export function usesProviderNameServers(ns: LookupOutcome<string>): boolean | "unknown" {
  if (ns.kind === "failed") return "unknown";
  if (ns.kind === "none") return false;
  return ns.records.length > 0 && ns.records.every((host) => PROVIDER_NAME_SERVER.test(normaliseHost(host)));
}

/**
 * The overall status is the worst check's. A known problem outranks a check we could not make:
 * red, then amber, then unknown, then green.
 */
const SEVERITY: Record<HealthStatus, number> = { green: 0, unknown: 1, amber: 2, red: 3 };

export function worstStatus(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), "green");
}
