import "server-only";

/**
 * Which eNom the check is pointed at (../shared/enom-api.md, "The wire": test
 * https://resellertest.enom.com/interface.asp, live https://reseller.enom.com/interface.asp).
 * `--write` buys, renews and deletes email, so it runs only where that costs nothing real.
 */
export type EnomSystem = "test" | "live" | "other-enom" | "elsewhere";

export const TEST_URL = "https://resellertest.enom.com/interface.asp";

export function systemOf(baseUrl: string): EnomSystem {
  const host = URL.canParse(baseUrl) ? new URL(baseUrl).hostname.toLowerCase().replace(/\.$/, "") : "";
  if (host === "resellertest.enom.com") return "test";
  if (host === "reseller.enom.com") return "live";
  if (host === "enom.com" || host.endsWith(".enom.com")) return "other-enom";
  return "elsewhere";
}

export function describeSystem(baseUrl: string): string {
  switch (systemOf(baseUrl)) {
    case "test":
      return "eNom's test system";
    case "live":
      return "eNom's LIVE system (real money)";
    case "other-enom":
      return "an eNom server that is not its test system";
    case "elsewhere":
      return "not eNom (a simulator or a stand-in)";
  }
}

export class WriteRefused extends Error {
  override readonly name = "WriteRefused";
}

/** Throws WriteRefused, before anything is sent, when `--write` points at eNom's live system. */
export function assertWritable(baseUrl: string): void {
  const system = systemOf(baseUrl);
  if (system === "live" || system === "other-enom")
    throw new WriteRefused(
      `Refusing --write: ENOM_BASE_URL (${new URL(baseUrl).origin}) is ${describeSystem(baseUrl)}. ` +
        `--write buys, renews and deletes email paks and mailboxes, so it runs only against eNom's test ` +
        `system (${TEST_URL}) or a simulator. Nothing was sent. Without --write the check only reads.`,
    );
}
