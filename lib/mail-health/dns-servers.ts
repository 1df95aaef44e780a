import { isIP } from "node:net";

/**
 * DNS_SERVERS: the resolvers the mail health check asks, comma-separated `host[:port]`
 * (`127.0.0.1:5354`, `1.1.1.1`, `[2001:db8::53]:53`, `2001:db8::53`). Node's resolver takes
 * addresses only, never host names, so neither does this setting.
 */

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function validPort(text: string): boolean {
  if (!/^\d{1,5}$/.test(text)) return false;
  const port = Number(text);
  return port >= 1 && port <= 65_535;
}

/** One entry in the form Node's `Resolver.setServers` accepts, or null when it is not an address. */
function parseEntry(entry: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    const [, ip = "", port] = bracketed;
    if (isIP(ip) !== 6 || (port !== undefined && !validPort(port))) return null;
    return port === undefined ? ip : `[${ip}]:${port}`;
  }
  if (isIP(entry) === 6) return entry;
  const [ip = "", port, ...rest] = entry.split(":");
  if (isIP(ip) !== 4 || rest.length > 0 || (port !== undefined && !validPort(port))) return null;
  return port === undefined ? ip : `${ip}:${port}`;
}

/** The entries of a DNS_SERVERS value that are not `address[:port]`. */
export function invalidDnsServerEntries(value: string): string[] {
  return splitList(value).filter((entry) => parseEntry(entry) === null);
}

/** DNS_SERVERS as the list for `Resolver.setServers`; empty (unset) means the system's resolvers. */
export function parseDnsServers(value: string | undefined): string[] {
  return splitList(value ?? "").map((entry) => {
    const server = parseEntry(entry);
    if (server === null)
      throw new Error(`DNS_SERVERS: "${entry}" is not an IP address with an optional :port`);
    return server;
  });
}
