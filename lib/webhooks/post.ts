import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { INTERNAL_ADDRESS_REFUSED, isInternalAddress, webhookUrlProblem } from "./url-policy";

/**
 * One POST of a delivery's body. Never follows a redirect (a 3xx is a failed attempt), reads at
 * most a little of the answer, and gives up after `timeoutMs`. Unless private addresses are
 * allowed, every address the host name resolves to is checked before connecting.
 */

export type PostOutcome = { ok: boolean; statusCode: number | null; error: string | null };

const USER_AGENT = "Mailpak-Webhooks/1.0";

/** dns.lookup that refuses internal addresses, so a public name pointed inside is caught too. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    if (addresses.some((entry) => isInternalAddress(entry.address)))
      return callback(new Error(INTERNAL_ADDRESS_REFUSED), "", 0);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(new Error(`No address for ${hostname}.`), "", 0);
    callback(null, first.address, first.family);
  });
};

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.message === "timeout")
    return `No answer within ${Math.round(timeoutMs / 1000)} seconds.`;
  const code = (error as { code?: unknown })?.code;
  if (code === "ECONNREFUSED") return "The connection was refused.";
  if (code === "ENOTFOUND") return "The host name was not found.";
  if (code === "ECONNRESET") return "The connection was closed before an answer.";
  if (typeof code === "string") return `Could not connect (${code}).`;
  return error instanceof Error ? error.message : String(error);
}

export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostOutcome> {
  const problem = webhookUrlProblem(url, { allowPrivate: options.allowPrivate });
  if (problem) return Promise.resolve({ ok: false, statusCode: null, error: problem });
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: "POST",
    headers: {
      ...headers,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      "user-agent": USER_AGENT,
    },
    ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = send(target, requestOptions, (response) => {
      const statusCode = response.statusCode ?? 0;
      // The answer's body is not needed; read it away so the socket is freed.
      response.resume();
      response.once("end", () => undefined);
      const ok = statusCode >= 200 && statusCode < 300;
      finish({ ok, statusCode, error: ok ? null : `The receiver answered HTTP ${statusCode}.` });
    });
    const timer = setTimeout(() => request.destroy(new Error("timeout")), options.timeoutMs);
    request.once("error", (error) =>
      finish({ ok: false, statusCode: null, error: describeError(error, options.timeoutMs) }),
    );
    request.end(body);
  });
}
