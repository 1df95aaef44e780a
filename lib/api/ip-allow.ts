import { BlockList } from "node:net";
import { parseIpAddress, parseIpRange } from "./ip-ranges";

/**
 * Whether a call from `ip` may use a key limited to `ranges` (its stored, canonical entries).
 * No ranges: anywhere. An IPv4 client on a dual-stack socket (`::ffff:203.0.113.9`) is its IPv4
 * address. An entry that no longer parses is skipped: it allows nothing.
 */
export function ipAllowed(ranges: readonly string[], ip: string | null): boolean {
  if (ranges.length === 0) return true;
  const client = ip ? parseIpAddress(ip) : null;
  if (!client) return false;
  const list = new BlockList();
  for (const entry of ranges) {
    const parsed = parseIpRange(entry);
    if (parsed.ok) list.addSubnet(parsed.range.address, parsed.range.prefix, parsed.range.family);
  }
  return list.check(client.address, client.family);
}
