import "server-only";
import {
  EnomError,
  EnomUnavailable,
  SafeCause,
  type UnavailableOutcome,
  type UnavailableReason,
} from "./errors";
import { readEnvelope, type Envelope } from "./parse/envelope";
import { parseReply } from "./parse/format";
import { ReplyFormatError, type ReplyRecord } from "./parse/reply";
import { redactParams, scrubSecrets, secretValues, withoutMailboxPasswords } from "./redact";
import { AcquireError, Semaphore } from "./semaphore";
import { singleFlight, type ReadLayer, type ReadRequest } from "./single-flight";
import type { CallOptions, EnomLogger, EnomMetric, EnomParams, MetricOutcome } from "./types";

/**
 * The only code that sends anything to eNom. Per request: POST form body (credentials never in
 * a URL a proxy could log), always `ResponseType=XML` (a reply in Text or HTML is still read), a
 * timeout, a slot under the concurrency cap, one log line and one metric. Reads may be retried
 * (backoff with full jitter) and shared by single-flight; writes are sent exactly once, whatever
 * happens.
 */
export type TransportConfig = {
  baseUrl: string;
  uid: string;
  pw: string;
  /** Per request; a call may override it. */
  timeoutMs: number;
  maxConcurrency: number;
  /** How long a call may wait for a free slot before failing as `not-sent` (default: timeoutMs). */
  queueTimeoutMs?: number;
  /** Retries of a read after EnomUnavailable (default 2: at most three requests). */
  readRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Larger replies are refused (a 10,000-domain GetDomains is about 3 MB). */
  maxReplyBytes?: number;
  logger?: EnomLogger;
  onMetric?: (metric: EnomMetric) => void;
  /**
   * Every raw reply body (HTTP 200), as received, with every mailbox password value and the
   * reseller's credentials removed first: for `npm run enom:check`, which saves them.
   */
  onRawReply?: (command: string, body: string) => void;
  /** Every EnomError, once per request (the app uses it to show staff a bad login or refused IP). */
  onEnomError?: (error: EnomError) => void;
  fetch?: typeof fetch;
  /** Extra layers on the read path, outermost first (a read cache goes here); single-flight is always innermost. */
  readLayers?: readonly ReadLayer[];
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** One request's worth: what to send, and how to read the answer into the app's type. */
export type Exchange<T> = {
  command: string;
  kind: "read" | "write";
  params: EnomParams;
  read: (reply: ReplyRecord, envelope: Envelope) => T;
  /** An ErrCount > 0 reply that still carries a result (a batch's counts): read it instead of throwing. */
  readsDespiteErrors?: (reply: ReplyRecord) => boolean;
};

/** Errors that stop a request before eNom does anything with it: never read as a partial result. */
const WHOLE_REQUEST_REFUSED = new Set(["bad-login", "ip-not-allowed", "domain-not-found"]);

export type Transport = { send<T>(exchange: Exchange<T>, options?: CallOptions): Promise<T> };

const DEFAULT_MAX_REPLY_BYTES = 16 * 1024 * 1024;
/** Failures that happen before a request can have reached eNom. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

class TooLarge extends Error {}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > limit) throw new TooLarge();
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

/** The single-flight key: command and parameters, names lower-cased (eNom ignores their case), sorted. */
function readKey(exchange: Exchange<unknown>): string {
  const params = Object.entries(exchange.params)
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${exchange.command.toLowerCase()} ${JSON.stringify(params)}`;
}

export function createTransport(config: TransportConfig): Transport {
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const semaphore = new Semaphore(config.maxConcurrency);
  const queueTimeoutMs = config.queueTimeoutMs ?? config.timeoutMs;
  const readRetries = config.readRetries ?? 2;
  const baseDelayMs = config.retryBaseDelayMs ?? 250;
  const maxDelayMs = config.retryMaxDelayMs ?? 2_000;
  const maxReplyBytes = config.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  const random = config.random ?? Math.random;
  const sleep = config.sleep ?? defaultSleep;
  const readLayers: ReadLayer[] = [...(config.readLayers ?? []), singleFlight()];

  function report(
    exchange: Exchange<unknown>,
    form: EnomParams,
    attempt: number,
    durationMs: number,
    outcome: MetricOutcome,
    details: Record<string, unknown>,
  ): void {
    const record = {
      command: exchange.command,
      kind: exchange.kind,
      attempt,
      durationMs,
      outcome,
      params: redactParams(form),
      ...details,
    };
    // A bad login or a refused IP says exactly what the reseller must fix, in the log line itself.
    const fix = typeof details.fix === "string" ? `: ${details.fix}` : "";
    // A broken logger or metric sink must not turn a good eNom answer into a failure.
    try {
      if (outcome === "ok") config.logger?.info(record, `eNom ${exchange.command} ok`);
      else config.logger?.warn(record, `eNom ${exchange.command} ${outcome}${fix}`);
    } catch {}
    try {
      config.onMetric?.({ command: exchange.command, durationMs, outcome, attempt });
    } catch {}
  }

  async function attempt<T>(
    exchange: Exchange<T>,
    attemptNo: number,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<T> {
    const started = performance.now();
    const form: EnomParams = {
      command: exchange.command,
      uid: config.uid,
      pw: config.pw,
      ...exchange.params,
      ResponseType: "XML",
    };
    const secrets = secretValues(form);
    const scrub = (text: string) => scrubSecrets(text, secrets);
    let trackingKey: string | null = null;
    const unavailable = (
      reason: UnavailableReason,
      outcome: UnavailableOutcome,
      detail: string,
      extra: { httpStatus?: number; cause?: unknown } = {},
    ) =>
      new EnomUnavailable({
        command: exchange.command,
        kind: exchange.kind,
        reason,
        outcome,
        detail: scrub(detail),
        attempts: attemptNo,
        httpStatus: extra.httpStatus ?? null,
        trackingKey,
        cause:
          extra.cause instanceof Error
            ? new SafeCause({
                name: extra.cause.name,
                message: scrub(extra.cause.message),
                code: errorCode(extra.cause),
              })
            : undefined,
      });

    /** A fetch or body-read failure, classified by what it tells us about whether eNom got the request. */
    const networkFailure = (error: unknown, timedOut: boolean, beforeResponse: boolean) => {
      if (timedOut)
        return unavailable("timeout", "unknown", `no complete answer within ${timeoutMs} ms`, {
          cause: error,
        });
      if (signal?.aborted) return unavailable("aborted", "unknown", "the caller gave up", { cause: error });
      if (error instanceof TooLarge)
        return unavailable("too-large", "unknown", `reply over ${maxReplyBytes} bytes`);
      const code = errorCode(error);
      if (beforeResponse && code && NOT_SENT_CODES.has(code))
        return unavailable("connect", "not-sent", `could not connect (${code})`, { cause: error });
      return unavailable("network", "unknown", code ? `connection failed (${code})` : "connection failed", {
        cause: error,
      });
    };

    async function post(): Promise<string> {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const onAbort = () => controller.abort();
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        let response: Response;
        try {
          response = await fetchImpl(config.baseUrl, {
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded; charset=utf-8",
              accept: "text/xml, application/xml",
            },
            body: new URLSearchParams(form).toString(),
            signal: controller.signal,
            redirect: "manual", // a redirect must not carry the credentials elsewhere
            cache: "no-store",
          });
        } catch (error) {
          throw networkFailure(error, timedOut, true);
        }
        if (response.status !== 200) {
          await response.body?.cancel().catch(() => undefined);
          throw unavailable("http-status", "unknown", `HTTP ${response.status}`, {
            httpStatus: response.status,
          });
        }
        try {
          return await readLimited(response, maxReplyBytes);
        } catch (error) {
          throw networkFailure(error, timedOut, false);
        }
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }
    }

    try {
      let release: () => void;
      try {
        release = await semaphore.acquire(queueTimeoutMs, signal);
      } catch (error) {
        const aborted = error instanceof AcquireError && error.reason === "aborted";
        throw aborted
          ? unavailable("aborted", "not-sent", "the caller gave up while waiting for a free slot")
          : unavailable(
              "queue-timeout",
              "not-sent",
              `no free slot within ${queueTimeoutMs} ms (cap ${semaphore.limit})`,
            );
      }
      let body: string;
      try {
        body = await post();
      } finally {
        release();
      }

      if (config.onRawReply) {
        const raw = scrub(withoutMailboxPasswords(body));
        try {
          config.onRawReply(exchange.command, raw);
        } catch {}
      }

      let reply: ReplyRecord;
      let envelope: Envelope;
      try {
        const parsed = parseReply(body);
        reply = parsed.reply;
        envelope = readEnvelope(reply, parsed.format);
      } catch (error) {
        if (error instanceof ReplyFormatError)
          throw unavailable(
            error.reason === "incomplete" ? "incomplete" : "unparseable",
            "unknown",
            error.message,
          );
        throw error;
      }
      trackingKey = envelope.trackingKey;
      if (envelope.command !== null && envelope.command.toLowerCase() !== exchange.command.toLowerCase())
        throw unavailable("unparseable", "unknown", `a reply to ${envelope.command}`);
      if (envelope.errCount > 0) {
        const refusal = new EnomError({
          command: exchange.command,
          errors: envelope.errors.map(scrub),
          responses: envelope.responses.map((r) => ({
            number: r.number,
            text: r.text === null ? null : scrub(r.text),
            description: r.description === null ? null : scrub(r.description),
          })),
          trackingKey,
        });
        const partial =
          exchange.readsDespiteErrors?.(reply) === true &&
          (refusal.code === null || !WHOLE_REQUEST_REFUSED.has(refusal.code));
        if (!partial) throw refusal;
        envelope = { ...envelope, errors: refusal.errors.slice() };
      }

      let result: T;
      try {
        result = exchange.read(reply, envelope);
      } catch (error) {
        // The reply was whole (Done, ErrCount read): what failed is its shape. Only our own
        // messages are kept; a zod error could quote the value it refused.
        const where = error instanceof ReplyFormatError ? error.message : "fields not as eNom documents them";
        throw unavailable("unrecognised", "unknown", where);
      }
      // A batch read despite its errors keeps eNom's words in the log line too.
      report(exchange, form, attemptNo, Math.round(performance.now() - started), "ok", {
        trackingKey,
        ...(envelope.errCount > 0 ? { errors: envelope.errors } : {}),
      });
      return result;
    } catch (error) {
      const failure =
        error instanceof EnomError || error instanceof EnomUnavailable
          ? error
          : unavailable("unparseable", "unknown", "unexpected failure", { cause: error });
      const durationMs = Math.round(performance.now() - started);
      if (failure instanceof EnomError) {
        report(exchange, form, attemptNo, durationMs, "enom-error", {
          trackingKey,
          errors: failure.errors,
          responses: failure.responses,
          code: failure.code ?? undefined,
          fix: failure.accessProblem?.fix,
        });
        try {
          config.onEnomError?.(failure);
        } catch {}
      } else
        report(exchange, form, attemptNo, durationMs, "unavailable", {
          trackingKey,
          reason: failure.reason,
          sent: failure.outcome,
          httpStatus: failure.httpStatus ?? undefined,
        });
      throw failure;
    }
  }

  /**
   * Reads only, with exponential backoff and full jitter: retry EnomUnavailable, except a reply in
   * a shape Mailpak does not understand (asking again gets the same shape), and retry eNom's own
   * "try again later" errors (api-error-codes.md 20, 22, 25). Any other EnomError is final.
   */
  const retryable = (error: unknown) =>
    (error instanceof EnomUnavailable && error.reason !== "unrecognised") ||
    (error instanceof EnomError && error.code === "transient");

  async function withRetries<T>(exchange: Exchange<T>, timeoutMs: number): Promise<T> {
    for (let attemptNo = 1; ; attemptNo += 1) {
      try {
        return await attempt(exchange, attemptNo, timeoutMs);
      } catch (error) {
        if (!retryable(error) || attemptNo > readRetries) throw error;
        await sleep(Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attemptNo - 1))));
      }
    }
  }

  /** A read shared with others keeps going when one caller gives up; that caller alone is released. */
  function abandonable<T>(exchange: Exchange<T>, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const aborted = (outcome: UnavailableOutcome) =>
      new EnomUnavailable({
        command: exchange.command,
        kind: exchange.kind,
        reason: "aborted",
        outcome,
        detail: "the caller gave up",
      });
    if (!signal) return work();
    if (signal.aborted) return Promise.reject(aborted("not-sent"));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(aborted("unknown"));
      signal.addEventListener("abort", onAbort, { once: true });
      work()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  function forgetReads(write: ReadRequest): void {
    for (const layer of readLayers) layer.invalidate?.(write);
  }

  return {
    send<T>(exchange: Exchange<T>, options: CallOptions = {}): Promise<T> {
      const timeoutMs = options.timeoutMs ?? config.timeoutMs;
      if (exchange.kind === "write") {
        const write: ReadRequest = { command: exchange.command, params: exchange.params };
        if (options.signal?.aborted)
          return Promise.reject(
            new EnomUnavailable({
              command: exchange.command,
              kind: "write",
              reason: "aborted",
              outcome: "not-sent",
              detail: "the caller gave up",
            }),
          );
        // Before it is sent and once it has settled: no later read is answered from before it.
        forgetReads(write);
        return attempt(exchange, 1, timeoutMs, options.signal).finally(() => forgetReads(write));
      }
      const key = readKey(exchange);
      const request: ReadRequest = { command: exchange.command, params: exchange.params };
      const load = readLayers.reduceRight<() => Promise<T>>(
        (next, layer) => () => layer(key, next, request),
        () => withRetries(exchange, timeoutMs),
      );
      return abandonable(exchange, load, options.signal);
    },
  };
}
