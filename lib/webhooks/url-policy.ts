import { BlockList, isIP } from "node:net";

/**
 * Where the panel may send webhooks. Only http(s); and, unless the installation allows it
 * (lib/webhooks/settings.ts `allowPrivateWebhookUrls`), never to loopback, private, link-local or
 * other internal addresses: an admin's URL must not turn the panel into a way to reach the
 * machines beside it (cloud metadata at 169.254.169.254, a database on 10.0.0.5). The name is
 * checked here when the endpoint is saved, and every address it resolves to again when a delivery
 * connects (deliver.ts), so a name that later points inside is refused as well.
 */

const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  internal.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  internal.addSubnet(network, prefix, "ipv6");

/** Whether an IP address is loopback, private, link-local, multicast or otherwise not public. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const version = isIP(bare);
  if (version === 4) return internal.check(bare, "ipv4");
  if (version !== 6) return false;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return internal.check(mapped[1], "ipv4");
  return internal.check(bare, "ipv6");
}

export const INTERNAL_ADDRESS_REFUSED =
  "This address is on the panel's own machine or a private network, which webhooks may not reach here. Use a public address (or ask whoever runs the panel to allow private addresses).";

/** Why the panel will not send to this URL, or null. */
export function webhookUrlProblem(url: string, options: { allowPrivate: boolean }): string | null {
  if (!URL.canParse(url)) return "Enter a full address, e.g. https://billing.example.com/hooks/mailpak.";
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    return "The address must start with https:// (or http://).";
  if (parsed.username || parsed.password)
    return "Put no user name or password in the address; check the signature instead.";
  if (options.allowPrivate) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || isInternalAddress(host))
    return INTERNAL_ADDRESS_REFUSED;
  return null;
}
