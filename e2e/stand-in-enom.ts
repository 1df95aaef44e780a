import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { XML_SAMPLES } from "../lib/enom-sim/page-samples";

/**
 * A stand-in eNom for e2e/enom-samples.spec.ts: it answers each command with the sample reply
 * printed on eNom's own page for it, verbatim (lib/enom-sim/page-samples.ts, which
 * lib/enom-sim/samples.test.ts keeps byte for byte equal to ../shared/enom-samples). It has no
 * state and no logic beyond choosing the sample: whatever the panel shows of resellerdocs.com is
 * what eNom's documents print. A command without a sample gets an error reply (ErrCount 1).
 */

/** The domain of eNom's GetPOP3, GetPOPForwarding and GetCatchAll samples. */
export const SAMPLE_DOMAIN = { sld: "resellerdocs", tld: "com" } as const;

export type StandInCall = {
  command: string;
  sld: string | null;
  tld: string | null;
  userName: string | null;
};

export type StandInEnom = {
  /** http://127.0.0.1:PORT/interface.asp */
  url: string;
  /** Every request, in order (no credentials kept). */
  calls: StandInCall[];
  close(): Promise<void>;
};

/** An eNom-style refusal for everything the samples do not cover (the boiler of error-ip.xml). */
function refusal(command: string, text: string): string {
  const name = command.toUpperCase().replace(/[^A-Z0-9_]/g, "");
  return `<?xml version="1.0" encoding="utf-16"?><interface-response><Command>${name}</Command><Language>eng</Language><ErrCount>1</ErrCount><errors><Err1>${text}</Err1></errors><ResponseCount>0</ResponseCount><Done>true</Done><debug><![CDATA[]]></debug></interface-response>\n`;
}

function answer(call: StandInCall): string {
  const isSampleDomain =
    call.sld?.toLowerCase() === SAMPLE_DOMAIN.sld && call.tld?.toLowerCase() === SAMPLE_DOMAIN.tld;
  switch (call.command.toLowerCase()) {
    case "getpop3":
      return isSampleDomain ? XML_SAMPLES["getpop3-online"] : XML_SAMPLES["error-with-responses"];
    case "getpopforwarding":
      return isSampleDomain
        ? XML_SAMPLES["getpopforwarding-online"]
        : refusal(call.command, "Domain name not found");
    case "getcatchall":
      return isSampleDomain
        ? XML_SAMPLES["getcatchall-online"]
        : refusal(call.command, "Domain name not found");
    case "getpopexpirations":
      return XML_SAMPLES["getpopexpirations-online"];
    case "getdomains":
      return XML_SAMPLES["getdomains-online"];
    case "getbalance":
      return XML_SAMPLES["getbalance-online"];
    default:
      return refusal(
        call.command || "",
        "The stand-in eNom answers only the commands eNom's pages print samples for",
      );
  }
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const query = new URL(request.url ?? "/", "http://stand-in.invalid").searchParams;
  const body = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  for (const [name, value] of body) query.set(name, value);
  return query;
}

/** eNom's parameter names are case-insensitive. */
function param(form: URLSearchParams, name: string): string | null {
  for (const [key, value] of form) if (key.toLowerCase() === name) return value;
  return null;
}

export async function startStandInEnom({ port = 0 }: { port?: number } = {}): Promise<StandInEnom> {
  const calls: StandInCall[] = [];
  const server: Server = createServer((request, response) => {
    if (
      !new URL(request.url ?? "/", "http://stand-in.invalid").pathname
        .toLowerCase()
        .endsWith("/interface.asp")
    ) {
      response.writeHead(404).end();
      return;
    }
    readForm(request)
      .then((form) => {
        const call: StandInCall = {
          command: param(form, "command") ?? "",
          sld: param(form, "sld"),
          tld: param(form, "tld"),
          userName: param(form, "username"),
        };
        calls.push(call);
        response.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
        response.end(answer(call));
      })
      .catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/interface.asp`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
