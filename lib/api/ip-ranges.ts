/**
 * The addresses and CIDR ranges an API key may be used from, read and written in one canonical
 * form. Pure (no node:net): the create form checks them in the browser with the same words as the
 * server; `ip-allow.ts` matches calls against them with node's BlockList.
 */

export type IpFamily = "ipv4" | "ipv6";

export interface IpAddress {
  family: IpFamily;
  /** Canonical text: dotted IPv4 (also for an IPv4-mapped IPv6 address), or compressed IPv6. */
  address: string;
}

export interface IpRange extends IpAddress {
  prefix: number;
  /** How it is stored and shown: the address alone for a single host, else `address/prefix`. */
  text: string;
}

export type IpRangeParse = { ok: true; range: IpRange } | { ok: false; message: string };

const EXAMPLES = "e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/48";

function parseIpv4Parts(value: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (!match) return null;
  const parts = match.slice(1).map((part) => (/^0\d/.test(part) ? NaN : Number(part)));
  return parts.every((part) => part >= 0 && part <= 255) ? parts : null;
}

/** Eight 16-bit groups, or null. Accepts `::` compression and a trailing dotted IPv4 part. */
function parseIpv6Groups(value: string): number[] | null {
  let text = value.toLowerCase();
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".")) {
    const v4 = parseIpv4Parts(text.slice(lastColon + 1));
    if (!v4 || lastColon < 0) return null;
    tail.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    // Keep the colon before the IPv4 part when it closes a `::`.
    text = text.slice(0, lastColon + 1);
    text = text.endsWith("::") ? text : text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string | undefined) => (part ? part.split(":") : []);
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  const all = [...head, ...rest];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const known = all.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = Array<number>(8 - known).fill(0);
  const toNumbers = (groups: string[]) => groups.map((group) => parseInt(group, 16));
  return [...toNumbers(head), ...zeros, ...toNumbers(rest), ...tail];
}

/** RFC 5952 text: lowercase, no leading zeros, the longest run of two or more zero groups as `::`. */
function ipv6Text(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength && end - start >= 2) [bestStart, bestLength] = [start, end - start];
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

function isIpv4Mapped(groups: number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

function mappedIpv4(groups: number[]): string {
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** An IP address (IPv4, IPv6, IPv4-mapped IPv6 as its IPv4 address, `[…]` brackets allowed), or null. */
export function parseIpAddress(value: string): IpAddress | null {
  const text = value.trim().replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIpv4Parts(text);
  if (v4) return { family: "ipv4", address: v4.join(".") };
  const v6 = text.includes(":") ? parseIpv6Groups(text) : null;
  if (!v6) return null;
  if (isIpv4Mapped(v6)) return { family: "ipv4", address: mappedIpv4(v6) };
  return { family: "ipv6", address: ipv6Text(v6) };
}

/** The bits of `groups` (of `width` bits each) past the first `prefix`, any of them set. */
function hostBitsSet(groups: number[], width: number, prefix: number): boolean {
  return groups.some((group, index) => {
    const kept = Math.min(width, Math.max(0, prefix - index * width));
    const hostMask = kept >= width ? 0 : (1 << (width - kept)) - 1;
    return (group & hostMask) !== 0;
  });
}

function networkOf(groups: number[], width: number, prefix: number): number[] {
  return groups.map((group, index) => {
    const kept = Math.min(width, Math.max(0, prefix - index * width));
    const hostMask = kept >= width ? 0 : (1 << (width - kept)) - 1;
    return group & ~hostMask & ((1 << width) - 1);
  });
}

/**
 * One entry an admin typed: an address (a single host) or a CIDR range whose address is the
 * start of the range. An IPv4-mapped IPv6 entry is read as the IPv4 address or range it stands for.
 */
export function parseIpRange(entry: string): IpRangeParse {
  const value = entry.trim();
  const notAnAddress = {
    ok: false as const,
    message: `"${value}" is not an IP address or CIDR range (${EXAMPLES}).`,
  };
  const [addressText = "", prefixText, ...extra] = value.split("/");
  if (extra.length > 0) return notAnAddress;
  const plain = addressText.trim().replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIpv4Parts(plain);
  const v6 = v4 ? null : plain.includes(":") ? parseIpv6Groups(plain) : null;
  if (!v4 && !v6) return notAnAddress;

  const mapped = v6 !== null && isIpv4Mapped(v6);
  const family: IpFamily = v4 || mapped ? "ipv4" : "ipv6";
  const width = family === "ipv4" ? 32 : 128;
  let prefix = width;
  if (prefixText !== undefined) {
    const typedWidth = v6 ? 128 : 32;
    const typed = /^\d{1,3}$/.test(prefixText.trim()) ? Number(prefixText.trim()) : NaN;
    if (!(typed >= 0 && typed <= typedWidth))
      return {
        ok: false,
        message: `"${value}": the number after / must be from 0 to ${typedWidth} for an ${v6 ? "IPv6" : "IPv4"} range.`,
      };
    if (mapped && typed < 96)
      return {
        ok: false,
        message: `"${value}": an IPv4-mapped range needs a prefix of at least /96; write the IPv4 range instead.`,
      };
    prefix = mapped ? typed - 96 : typed;
  }

  const groups = family === "ipv4" ? (v4 ?? (v6 ? ipv4Octets(v6) : [])) : (v6 ?? []);
  const groupWidth = family === "ipv4" ? 8 : 16;
  const render = (parts: number[]) => (family === "ipv4" ? parts.join(".") : ipv6Text(parts));
  if (hostBitsSet(groups, groupWidth, prefix)) {
    const network = render(networkOf(groups, groupWidth, prefix));
    return {
      ok: false,
      message: `"${value}" is not the start of its range; did you mean ${network}/${prefix}?`,
    };
  }
  const address = render(groups);
  return {
    ok: true,
    range: { family, address, prefix, text: prefix === width ? address : `${address}/${prefix}` },
  };
}

function ipv4Octets(groups: number[]): number[] {
  return mappedIpv4(groups).split(".").map(Number);
}

/** An admin's list: one entry per line (commas and spaces also separate), blanks ignored. */
export function splitIpList(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}
