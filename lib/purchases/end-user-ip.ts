/**
 * eNom's EndUserIP (required by the ProductType forms of PurchaseServices, for its fraud checks):
 * the browser's IPv4 address, or the loopback when the request has none (IPv6, a script).
 */
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

export function endUserIpOf(ip: string): string {
  const v4 = ip.trim().replace(/^::ffff:/i, "");
  return IPV4.test(v4) ? v4 : "127.0.0.1";
}
