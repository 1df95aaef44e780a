import { BlockList, isIP } from "node:net";

/**
 * Which address a request came from. The socket's peer is the truth; forwarding headers
 * (X-Forwarded-For, X-Real-IP) are only believed when that peer is one of the configured proxies
 * (TRUSTED_PROXIES), since anyone else can write whatever they like in them.
 */

/** `::ffff:203.0.113.9` (an IPv4 client on a dual-stack socket) is `203.0.113.9`. */
export function normaliseIp(value: string): string {
  const ip = value.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

function family(ip: string): "ipv4" | "ipv6" | null {
  const version = isIP(ip);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/** One TRUSTED_PROXIES entry: an address or a CIDR block; null when it is neither. */
function parseEntry(entry: string): { ip: string; prefix?: number; family: "ipv4" | "ipv6" } | null {
  const [address = "", prefixText, ...rest] = entry.split("/");
  const ip = normaliseIp(address);
  const kind = family(ip);
  if (!kind || rest.length > 0) return null;
  if (prefixText === undefined) return { ip, family: kind };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= (kind === "ipv4" ? 32 : 128))) return null;
  return { ip, prefix, family: kind };
}

/** The entries of a TRUSTED_PROXIES value that are not addresses or CIDR blocks. */
export function invalidProxyEntries(value: string): string[] {
  return splitList(value).filter((entry) => parseEntry(entry) === null);
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export interface TrustedProxies {
  has(ip: string): boolean;
}

/** TRUSTED_PROXIES (`10.0.0.0/8, 192.168.1.5, fd00::/8`) as a set to test peers against. */
export function trustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let any = false;
  for (const entry of splitList(value ?? "")) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
    if (parsed.prefix === undefined) list.addAddress(parsed.ip, parsed.family);
    else list.addSubnet(parsed.ip, parsed.prefix, parsed.family);
    any = true;
  }
  return {
    has(address) {
      const ip = normaliseIp(address);
      const kind = family(ip);
      return any && kind !== null && list.check(ip, kind);
    },
  };
}

export interface ClientAddressInput {
  /** The socket's remote address. */
  peer: string | undefined;
  forwardedFor?: string | string[] | undefined;
  realIp?: string | string[] | undefined;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address
 * in X-Forwarded-For (read from the right, where each proxy appends) that is not itself a trusted
 * proxy, else X-Real-IP. Entries that are not IP addresses end the walk: nothing a client wrote
 * before them can be believed.
 */
export function clientAddress(input: ClientAddressInput, trusted: TrustedProxies): string {
  const peer = normaliseIp(input.peer ?? "");
  if (!peer || !trusted.has(peer)) return peer;
  const hops = splitList(one(input.forwardedFor) ?? "").map(normaliseIp);
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] ?? "";
    if (!family(hop)) break;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  if (hops.length === 0) {
    const realIp = normaliseIp(one(input.realIp) ?? "");
    if (family(realIp)) return realIp;
  }
  return client;
}
