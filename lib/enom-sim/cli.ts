import { settingsFrom, USAGE, type CliSettings } from "./cli-settings";
import { RESELLER, RETAIL } from "./seed";
import { startEnomSimulator } from "./server";
import { StateFileError } from "./store";

/**
 * `npm run sim`: start the simulator from the environment and flags, print one line, stop
 * cleanly on SIGINT/SIGTERM. Settings: cli-settings.ts.
 */
async function main(): Promise<void> {
  let settings: CliSettings;
  try {
    settings = settingsFrom(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  try {
    const simulator = await startEnomSimulator(settings);
    const state = settings.statePath === null ? "in memory" : `state ${settings.statePath}`;
    const dns =
      simulator.dnsPort === null ? "" : `, DNS on ${settings.host}:${simulator.dnsPort} (UDP and TCP)`;
    process.stdout.write(
      `eNom simulator at ${simulator.url} — account ${RESELLER.uid}/${RESELLER.pw} (retail ${RETAIL.uid}/${RETAIL.pw}), ` +
        `${simulator.domainCount} domains, ${state}${dns}, ready in ${Math.round(simulator.startupMs)} ms\n`,
    );
    const stop = () => {
      simulator.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    if (error instanceof StateFileError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof Error && "code" in error && error.code === "EADDRINUSE")
      process.stderr.write(
        `eNom simulator: port ${settings.port} or DNS port ${settings.dnsPort ?? "-"} is already in use (set ENOM_SIM_PORT / --port, ENOM_SIM_DNS_PORT / --dns-port)\n`,
      );
    else
      process.stderr.write(
        `eNom simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    process.exit(1);
  }
}

void main();
