/**
 * `npm run enom:check`: before going live, check that eNom answers the way its documents say and
 * the way Mailpak reads it. Talks to ENOM_BASE_URL with ENOM_UID / ENOM_PW through Mailpak's own
 * eNom client; saves every reply (passwords removed); exits 1 when anything differs.
 *
 *   npm run enom:check                                   read-only: GetBalance, GetDomains, GetPOPExpirations, GetPOP3 …
 *   npm run enom:check -- --domain example.com           … GetPOP3 of that domain
 *   npm run enom:check -- --write --domain test.com      every write command on test.com, then cleans up
 *                                                        (eNom's test system or a simulator only)
 * Options: --out <folder> (default ./enom-check-<time>), --end-user-ip <ip> (purchases; default 127.0.0.1).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { CheckUsageError, runEnomCheck } from "@/lib/enom-check/run";
import { WriteRefused } from "@/lib/enom-check/system";

const USAGE = `Usage: npm run enom:check -- [--domain <domain>] [--write] [--out <folder>] [--end-user-ip <ip>]
Reads ENOM_BASE_URL, ENOM_UID and ENOM_PW (and ENOM_TIMEOUT_MS) from the environment.
Read-only unless --write; --write needs --domain and refuses eNom's live system.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/[-:]/g, "")
    .replace("T", "-");
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        domain: { type: "string" },
        write: { type: "boolean", default: false },
        out: { type: "string" },
        "end-user-ip": { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const baseUrl = process.env.ENOM_BASE_URL ?? "";
  const uid = process.env.ENOM_UID ?? "";
  const pw = process.env.ENOM_PW ?? "";
  const problems = [
    !URL.canParse(baseUrl) || !/\/interface\.asp$/i.test(new URL(baseUrl).pathname)
      ? "ENOM_BASE_URL must be the full URL of eNom's interface.asp, e.g. https://resellertest.enom.com/interface.asp"
      : null,
    uid ? null : "ENOM_UID is missing (your eNom login ID)",
    pw ? null : "ENOM_PW is missing (your eNom API password or token)",
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) fail(`${problems.join("\n")}\n${USAGE}`);
  const timeout = Number(process.env.ENOM_TIMEOUT_MS ?? "");

  try {
    const report = await runEnomCheck({
      baseUrl,
      uid,
      pw,
      domain: values.domain?.trim().toLowerCase() || null,
      write: values.write,
      outDir: path.resolve(values.out ?? `enom-check-${timestamp(new Date())}`),
      endUserIp: values["end-user-ip"],
      timeoutMs: Number.isInteger(timeout) && timeout > 0 ? timeout : undefined,
      print: (line) => console.log(line),
    });
    process.exitCode = report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof WriteRefused || error instanceof CheckUsageError) fail(error.message);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
