import "server-only";
import { Resolver } from "node:dns/promises";
import { getEnv } from "@/lib/env";
import { parseDnsServers } from "./dns-servers";
import { normaliseHost, type LookupOutcome, type MailDnsLookups, type MxAnswer } from "./model";

/**
 * The mail health check's questions to DNS, asked of real resolvers: those of DNS_SERVERS (the
 * simulator's DNS server in the demo and tests), else the system's. Each answer keeps apart
 * "these records", "no such record" and "we got no answer", so a resolver that times out is never
 * reported to a customer as a missing record.
 */

export interface LookupOptions {
  /** `host[:port]` entries for `Resolver.setServers`; default DNS_SERVERS; empty = the system's. */
  servers?: readonly string[];
  /** How long one attempt waits for an answer. */
  timeoutMs?: number;
  /** How many attempts per server before the lookup counts as failed. */
  tries?: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;
const DEFAULT_TRIES = 2;

/** NODATA and NXDOMAIN: the server answered, and there is nothing there. */
const NO_SUCH_RECORD = new Set(["ENODATA", "ENOTFOUND"]);

async function outcome<T>(ask: () => Promise<T[]>): Promise<LookupOutcome<T>> {
  try {
    const records = await ask();
    return records.length > 0 ? { kind: "found", records } : { kind: "none" };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && NO_SUCH_RECORD.has(code)) return { kind: "none" };
    return { kind: "failed", code: typeof code === "string" ? code : "EUNKNOWN" };
  }
}

export function createResolver(options: LookupOptions = {}): Resolver {
  const resolver = new Resolver({
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    tries: options.tries ?? DEFAULT_TRIES,
  });
  const servers = options.servers ?? parseDnsServers(getEnv().DNS_SERVERS);
  if (servers.length > 0) resolver.setServers([...servers]);
  return resolver;
}

/** Asks, all at once: MX, TXT at the apex and at `_dmarc`, the DKIM CNAMEs `k1`/`k2`, NS. */
export async function lookupMailDns(domain: string, options: LookupOptions = {}): Promise<MailDnsLookups> {
  const name = normaliseHost(domain);
  const resolver = createResolver(options);
  const txt = async (host: string) => (await resolver.resolveTxt(host)).map((chunks) => chunks.join(""));
  const [mx, apexTxt, dmarcTxt, k1, k2, ns] = await Promise.all([
    outcome<MxAnswer>(async () =>
      (await resolver.resolveMx(name)).map(({ exchange, priority }) => ({ exchange, priority })),
    ),
    outcome(() => txt(name)),
    outcome(() => txt(`_dmarc.${name}`)),
    outcome(() => resolver.resolveCname(`k1._domainkey.${name}`)),
    outcome(() => resolver.resolveCname(`k2._domainkey.${name}`)),
    outcome(() => resolver.resolveNs(name)),
  ]);
  return { domain: name, mx, apexTxt, dmarcTxt, dkim: { k1, k2 }, ns };
}
