import { DEFAULT_PORT, DEFAULT_STATE_PATH } from "./server";
import { DEFAULT_DOMAIN_COUNT, MAX_DOMAIN_COUNT } from "./seed";

/**
 * The CLI's settings from its environment and flags, apart from cli.ts so they can be tested
 * without starting anything.
 *   ENOM_SIM_PORT (4000) ENOM_SIM_HOST (127.0.0.1) ENOM_SIM_STATE (./data/enom-sim.json)
 *   ENOM_SIM_DOMAINS (40) ENOM_SIM_LATENCY_MS (0) ENOM_SIM_LEGACY_PASSWORDS (off)
 *   ENOM_SIM_ALLOWED_IPS (any; a comma-separated list simulates eNom's IP allow-list)
 *   ENOM_SIM_DNS_PORT (off; the port of the DNS server serving the domains' host records)
 *   --reset  --port N  --domains N  --memory  --legacy-passwords  --dns-port N
 */
export const USAGE =
  "usage: npm run sim -- [--reset] [--port N] [--domains N] [--memory] [--legacy-passwords] [--dns-port N]";

export interface CliSettings {
  port: number;
  host: string;
  statePath: string | null;
  domainCount: number;
  latencyMs: number;
  reset: boolean;
  legacyPasswords: boolean;
  allowedIps: string[] | null;
  /** The DNS server's port; null: no DNS server. */
  dnsPort: number | null;
}

function onOff(text: string | undefined, what: string): boolean {
  if (text === undefined || text === "" || text === "0" || text.toLowerCase() === "false") return false;
  if (text === "1" || text.toLowerCase() === "true") return true;
  throw new Error(`${what} must be 1 or 0 (got "${text}")`);
}

function addressList(text: string | undefined): string[] | null {
  if (text === undefined || text.trim() === "") return null;
  return text
    .split(",")
    .map((address) => address.trim())
    .filter((address) => address !== "");
}

function wholeNumber(text: string, what: string, max: number): number {
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(number) || number > max)
    throw new Error(`${what} must be a whole number from 0 to ${max} (got "${text}")`);
  return number;
}

export function settingsFrom(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliSettings {
  const settings: CliSettings = {
    port: wholeNumber(env.ENOM_SIM_PORT || String(DEFAULT_PORT), "ENOM_SIM_PORT", 65_535),
    host: env.ENOM_SIM_HOST || "127.0.0.1",
    statePath: env.ENOM_SIM_STATE || DEFAULT_STATE_PATH,
    domainCount: wholeNumber(
      env.ENOM_SIM_DOMAINS || String(DEFAULT_DOMAIN_COUNT),
      "ENOM_SIM_DOMAINS",
      MAX_DOMAIN_COUNT,
    ),
    latencyMs: wholeNumber(env.ENOM_SIM_LATENCY_MS || "0", "ENOM_SIM_LATENCY_MS", 600_000),
    reset: false,
    legacyPasswords: onOff(env.ENOM_SIM_LEGACY_PASSWORDS, "ENOM_SIM_LEGACY_PASSWORDS"),
    allowedIps: addressList(env.ENOM_SIM_ALLOWED_IPS),
    dnsPort: env.ENOM_SIM_DNS_PORT ? wholeNumber(env.ENOM_SIM_DNS_PORT, "ENOM_SIM_DNS_PORT", 65_535) : null,
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const next = () => {
      const value = argv[++index];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      return value;
    };
    if (flag === "--reset") settings.reset = true;
    else if (flag === "--memory") settings.statePath = null;
    else if (flag === "--legacy-passwords") settings.legacyPasswords = true;
    else if (flag === "--port") settings.port = wholeNumber(next(), "--port", 65_535);
    else if (flag === "--dns-port") settings.dnsPort = wholeNumber(next(), "--dns-port", 65_535);
    else if (flag === "--domains") settings.domainCount = wholeNumber(next(), "--domains", MAX_DOMAIN_COUNT);
    else throw new Error(`unknown option ${flag}`);
  }
  return settings;
}
