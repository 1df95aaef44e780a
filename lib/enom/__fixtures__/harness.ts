import { readFileSync } from "node:fs";
import pino from "pino";
import { createEnomClient, type EnomClientConfig } from "../client";

/** Test support: fixtures, a fake `fetch`, a pino logger writing into a buffer. Not a test file. */

export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
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

/** Builds an eNom-style XML reply: the command's own fields, then the boiler. */
export function enomXml(
  command: string,
  fields: string,
  options: {
    errors?: string[];
    nested?: boolean;
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
  return `<?xml version="1.0" encoding="utf-8"?>
<interface-response>${errors.length === 0 ? fields : ""}<Command>${command.toUpperCase()}</Command><APIType>API.NET</APIType><Language>eng</Language>${errCount}${errBlock}<ResponseCount>0</ResponseCount><MinPeriod>1</MinPeriod><MaxPeriod>10</MaxPeriod><Server>RESELLERTEST</Server><Site>eNom</Site><IsLockable/><IsRealTimeTLD/><TimeDifference>+0.00</TimeDifference><ExecTime>0.012</ExecTime>${done}<TrackingKey>${options.trackingKey ?? "11111111-2222-3333-4444-555555555555"}</TrackingKey><RequestDateTime>3/1/2026 9:05:07 AM</RequestDateTime></interface-response>`;
}
