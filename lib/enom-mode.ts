/** Which eNom Mailpak is pointed at, from the host of ENOM_BASE_URL. */
export type EnomMode = "live" | "test" | "simulator" | "custom";

export function enomModeOf(baseUrl: string): EnomMode {
  const host = new URL(baseUrl).hostname.toLowerCase();
  if (host === "reseller.enom.com") return "live";
  if (host === "resellertest.enom.com") return "test";
  if (host === "127.0.0.1" || host === "localhost" || host === "::1" || host === "[::1]") return "simulator";
  return "custom";
}
