import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { createEnomClient, type EnomClientConfig } from "../client";

/** Test support: fixtures, a fake `fetch`, a pino logger writing into a buffer. Not a test file. */

export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
}

/**
 * The HTML reply behind a page's `Key: value` sample (pages/*.page-html.txt): each line back in
 * eNom's HTML form, `<STRONG>Key: </ STRONG>value<br>`, as seeds/001 prints it. Nothing else changes.
 */
export function asHtmlReply(printed: string): string {
  const lines = printed.trimEnd().split(/\r?\n/);
  const comments = lines.filter((line) => line.startsWith(";")).map((line) => `${line}<br>`);
  const fields = lines
    .filter((line) => !line.startsWith(";"))
    .map((line) => {
      const colon = line.indexOf(":");
      const key = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      return value === "" ? `<STRONG>${key}:</ STRONG><br>` : `<STRONG>${key}: </ STRONG>${value}<br>`;
    });
  return [...comments, "<HTML><BODY>", ...fields, "</BODY></HTML>", ""].join("\n");
}

/** `../shared/enom-samples/`, eNom's sample replies verbatim; null when that folder is absent (not in every checkout). */
export const SHARED_SAMPLES: string | null = (() => {
  const folder = fileURLToPath(new URL("../../../../shared/enom-samples/", import.meta.url));
  return existsSync(folder) ? folder : null;
})();

export function sharedSample(name: string): string {
  if (SHARED_SAMPLES === null) throw new Error("../shared/enom-samples is absent");
  return readFileSync(`${SHARED_SAMPLES}${name}`, "utf8");
}

export type SentRequest = { url: string; method: string; contentType: string | null; body: URLSearchParams };

/** A `fetch` that answers every request with `reply` (a body, or a function of the request) and records what was sent. */
export function fakeFetch(
  reply: string | ((request: SentRequest) => string | Response | Promise<string | Response>),
) {
  const sent: SentRequest[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: SentRequest = {
      url: String(input),
      method: init?.method ?? "GET",
      contentType: new Headers(init?.headers).get("content-type"),
      body: new URLSearchParams(typeof init?.body === "string" ? init.body : ""),
    };
    sent.push(request);
    const answer = typeof reply === "string" ? reply : await reply(request);
    return typeof answer === "string" ? new Response(answer, { status: 200 }) : answer;
  };
  return { fetch: fetchImpl as typeof fetch, sent };
}

/**
 * A real pino logger whose lines land in `lines`. Deliberately without pino's `redact`: the
 * client must keep secrets out of its log records by itself.
 */
export function bufferLogger() {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join("") };
}

export const TEST_PW = "Sup3rSecretPw";
export const TEST_UID = "resellid";

export function testClient(fetchImpl: typeof fetch, overrides: Partial<EnomClientConfig> = {}) {
  return createEnomClient({
    baseUrl: "https://resellertest.enom.com/interface.asp",
    uid: TEST_UID,
    pw: TEST_PW,
    timeoutMs: 2_000,
    maxConcurrency: 4,
    fetch: fetchImpl,
    sleep: async () => undefined,
    ...overrides,
  });
}

/**
 * Builds an eNom-style XML reply: the command's own fields, then the boiler. With `errors`, the
 * fields are left out unless `keepFields` (seeds/001 shows counts beside an error); `responses`
 * become `<responses><response><ResponseNumber/><ResponseString/>…` as in the samples.
 */
export function enomXml(
  command: string,
  fields: string,
  options: {
    errors?: string[];
    nested?: boolean;
    keepFields?: boolean;
    responses?: Array<{ number?: string; text?: string; description?: string }>;
    trackingKey?: string;
    done?: string | null;
    errCount?: string | null;
  } = {},
): string {
  const errors = options.errors ?? [];
  const errXml = errors.map((text, i) => `<Err${i + 1}>${text}</Err${i + 1}>`).join("");
  const errBlock =
    errors.length === 0 ? "" : options.nested === false ? errXml : `<errors>${errXml}</errors>`;
  const errCount =
    options.errCount === undefined
      ? `<ErrCount>${errors.length}</ErrCount>`
      : options.errCount === null
        ? ""
        : `<ErrCount>${options.errCount}</ErrCount>`;
  const done =
    options.done === undefined
      ? "<Done>true</Done>"
      : options.done === null
        ? ""
        : `<Done>${options.done}</Done>`;
  const responses = options.responses ?? [];
  const responseXml =
    responses.length === 0
      ? "<ResponseCount>0</ResponseCount>"
      : `<ResponseCount>${responses.length}</ResponseCount><responses>${responses
          .map(
            (r) =>
              `<response>${r.description ? `<Description>${r.description}</Description>` : ""}${r.number ? `<ResponseNumber>${r.number}</ResponseNumber>` : ""}${r.text ? `<ResponseString>${r.text}</ResponseString>` : ""}</response>`,
          )
          .join("")}</responses>`;
  const ownFields = errors.length === 0 || options.keepFields ? fields : "";
  return `<?xml version="1.0" encoding="utf-8"?>
<interface-response>${ownFields}<Command>${command.toUpperCase()}</Command><APIType>API.NET</APIType><Language>eng</Language>${errCount}${errBlock}${responseXml}<MinPeriod>1</MinPeriod><MaxPeriod>10</MaxPeriod><Server>RESELLERTEST</Server><Site>eNom</Site><IsLockable/><IsRealTimeTLD/><TimeDifference>+0.00</TimeDifference><ExecTime>0.012</ExecTime>${done}<TrackingKey>${options.trackingKey ?? "11111111-2222-3333-4444-555555555555"}</TrackingKey><RequestDateTime>3/1/2026 9:05:07 AM</RequestDateTime></interface-response>`;
}
