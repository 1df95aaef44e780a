// The eNom client's reading of a 10,000-domain account's two lists, in-process: XML to records
// (lib/enom/parse/xml.ts) and records to the app's types (the commands' readers). Prints JSON.
// Run by scripts/bench.mjs through tsx with the react-server condition (the client is server-only).
import { getDomainsPage } from "@/lib/enom/commands/account";
import { getPopExpirations } from "@/lib/enom/commands/paks";
import { readEnvelope } from "@/lib/enom/parse/envelope";
import { parseXmlReply } from "@/lib/enom/parse/xml";
import { startEnomSimulator } from "@/lib/enom-sim/server";

const DOMAINS = 10_000;
const RUNS = 7;

const sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: DOMAINS });
const ask = async (query: string) =>
  (await fetch(`${sim.url}?uid=resellid&pw=resellpw&responsetype=xml&${query}`)).text();
const domainsXml = await ask("command=GetDomains&Start=1&Display=25000");
const expirationsXml = await ask("command=GetPOPExpirations");
await sim.close();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function measure(xml: string, read: (reply: ReturnType<typeof parseXmlReply>) => number) {
  const parse: number[] = [];
  const typed: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    const reply = parseXmlReply(xml);
    parse.push(performance.now() - started);
    started = performance.now();
    rows = read(reply);
    typed.push(performance.now() - started);
  }
  return {
    bytes: Buffer.byteLength(xml),
    rows,
    parseMs: median(parse),
    readMs: median(typed),
    firstParseMs: parse[0],
  };
}

const result = {
  domains: DOMAINS,
  runs: RUNS,
  getDomains: measure(
    domainsXml,
    (reply) => getDomainsPage.read(reply, readEnvelope(reply), { start: 1, display: 25_000 }).domains.length,
  ),
  getPopExpirations: measure(
    expirationsXml,
    (reply) => getPopExpirations.read(reply, readEnvelope(reply), {}).paks.length,
  ),
};
console.log(JSON.stringify(result));
