import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bufferLogger, enomXml, TEST_PW } from "./__fixtures__/harness";
import { createEnomClient, type EnomClientConfig } from "./client";
import { EnomError, EnomUnavailable } from "./errors";
import type { EnomMetric } from "./types";

/** A local stand-in for eNom on port 0: records every request, answers with `handler`. */
type Received = { method: string; url: string; contentType: string; body: URLSearchParams };
type Handler = (request: Received, res: ServerResponse, req: IncomingMessage) => void;

let server: Server;
let url: string;
let received: Received[];
let active: number;
let maxActive: number;
let handler: Handler;

const GET_POP3_OK = enomXml("GetPOP3", "<EmailCount>0</EmailCount><Paks/><Count>0</Count>");

beforeEach(async () => {
  received = [];
  active = 0;
  maxActive = 0;
  handler = (_, res) => res.end(GET_POP3_OK);
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        contentType: req.headers["content-type"] ?? "",
        body: new URLSearchParams(raw),
      };
      received.push(request);
      active += 1;
      maxActive = Math.max(maxActive, active);
      res.on("close", () => (active -= 1));
      handler(request, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/interface.asp`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(overrides: Partial<EnomClientConfig> = {}) {
  return createEnomClient({
    baseUrl: url,
    uid: "resellid",
    pw: TEST_PW,
    timeoutMs: 2_000,
    maxConcurrency: 4,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...overrides,
  });
}

const domain = "resellerdocs.com";
const later = (ms: number, fn: () => void) => setTimeout(fn, ms);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (e: unknown) => e,
  );
const write = (c: ReturnType<typeof client>) =>
  c.setUpPop3Users({ domain, bundleId: 5134, users: [{ userName: "ann", password: "Secret-123x" }] });

describe("the request", () => {
  it("is a POST form body to interface.asp, with no query string, and ResponseType=XML", async () => {
    await client().getPop3({ domain });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/interface.asp" });
    expect(received[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(received[0]?.body ?? [])).toEqual({
      command: "GetPOP3",
      uid: "resellid",
      pw: TEST_PW,
      SLD: "resellerdocs",
      TLD: "com",
      ResponseType: "XML",
    });
  });

  it("does not follow a redirect (it could carry the credentials elsewhere)", async () => {
    handler = (_, res) => res.writeHead(302, { location: "http://example.invalid/" }).end();
    const error = await failure(client({ readRetries: 0 }).getPop3({ domain }));
    expect(error).toMatchObject({ name: "EnomUnavailable", reason: "http-status", httpStatus: 302 });
    expect(received).toHaveLength(1);
  });
});

describe("failures", () => {
  it("a hung read times out, is retried a bounded number of times, then fails", async () => {
    handler = () => undefined; // never answers
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 100, readRetries: 2 }).getPop3({ domain }));
    expect(error).toBeInstanceOf(EnomUnavailable);
    expect(error).toMatchObject({ reason: "timeout", attempts: 3, kind: "read" });
    expect(received).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("a hung write times out once, is never retried, and says eNom may have acted", async () => {
    handler = () => undefined;
    const error = await failure(write(client({ timeoutMs: 100 })));
    expect(error).toMatchObject({
      name: "EnomUnavailable",
      reason: "timeout",
      outcome: "unknown",
      kind: "write",
      attempts: 1,
    });
    expect(String((error as Error).message)).toMatch(/may have acted/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(received).toHaveLength(1);
  });

  it("a per-call timeout overrides the client's default", async () => {
    handler = () => undefined;
    const quick = await failure(
      client({ timeoutMs: 10_000 }).setPakRenew({ domain, bundleId: 5134, autoRenew: true, timeoutMs: 80 }),
    );
    expect(quick).toMatchObject({ reason: "timeout" });
    expect(String((quick as Error).message)).toContain("within 80 ms");
  });

  it("HTTP 500: reads retry (bounded), writes do not", async () => {
    handler = (_, res) => res.writeHead(500).end("Internal Server Error");
    const read = await failure(client({ readRetries: 2 }).getPop3({ domain }));
    expect(read).toMatchObject({
      name: "EnomUnavailable",
      reason: "http-status",
      httpStatus: 500,
      attempts: 3,
    });
    expect(received).toHaveLength(3);

    received = [];
    const written = await failure(write(client()));
    expect(written).toMatchObject({ reason: "http-status", outcome: "unknown", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("a connection reset is EnomUnavailable; a write's outcome is unknown", async () => {
    handler = (_, __, req) => req.socket.destroy();
    const error = await failure(write(client()));
    expect(error).toMatchObject({ name: "EnomUnavailable", reason: "network", outcome: "unknown" });
    expect(received).toHaveLength(1);
    received = [];
    await failure(client({ readRetries: 1 }).getPop3({ domain }));
    expect(received).toHaveLength(2);
  });

  it("a reset after the reply started (a body cut short) is EnomUnavailable", async () => {
    handler = (_, res) => {
      res.writeHead(200, { "content-length": String(GET_POP3_OK.length) });
      res.write(GET_POP3_OK.slice(0, 100));
      later(10, () => res.destroy());
    };
    await expect(write(client())).rejects.toMatchObject({ name: "EnomUnavailable", outcome: "unknown" });
  });

  it("a refused connection was never sent: outcome not-sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(write(client({ baseUrl: `http://127.0.0.1:${port}/interface.asp` })));
    expect(error).toMatchObject({ name: "EnomUnavailable", reason: "connect", outcome: "not-sent" });
  });

  it("eNom saying no (ErrCount > 0) is an EnomError and is never retried, even for a read", async () => {
    handler = (_, res) => res.end(enomXml("GetPOP3", "", { errors: ["Domain name not found"] }));
    const error = await failure(client({ readRetries: 2 }).getPop3({ domain }));
    expect(error).toBeInstanceOf(EnomError);
    expect(error).toMatchObject({
      errors: ["Domain name not found"],
      trackingKey: "11111111-2222-3333-4444-555555555555",
    });
    expect(received).toHaveLength(1);
  });

  it("eNom's own 'try again later' (20, 25) on a read is retried with backoff; on a write it is final", async () => {
    let calls = 0;
    handler = (_, res) =>
      res.end(
        calls++ < 2
          ? enomXml("GetPOP3", "", {
              errors: ["Failed to obtain provisioning lock"],
              responses: [{ number: "25", text: "Failed to obtain provisioning lock" }],
            })
          : GET_POP3_OK,
      );
    const delays: number[] = [];
    const result = await client({
      readRetries: 2,
      sleep: async (ms) => void delays.push(ms),
      random: () => 1,
    }).getPop3({
      domain,
    });
    expect(result.paks).toEqual([]);
    expect(received).toHaveLength(3);
    expect(delays).toHaveLength(2);

    received = [];
    handler = (_, res) =>
      res.end(enomXml("SetUpPOP3User", "", { errors: ["Try again later"], responses: [{ number: "20" }] }));
    const error = await failure(write(client({ readRetries: 2 })));
    expect(error).toMatchObject({ name: "EnomError", code: "transient" });
    expect(received).toHaveLength(1);
  });

  it("a reply Mailpak does not understand is not retried: asking again gets the same shape", async () => {
    handler = (_, res) => res.end(enomXml("GetPOP3", "<EmailCount>1</EmailCount><Count>0</Count>"));
    const error = await failure(client({ readRetries: 2 }).getPop3({ domain }));
    expect(error).toMatchObject({ name: "EnomUnavailable", reason: "unrecognised" });
    expect(received).toHaveLength(1);
  });

  it("a read that fails once and then succeeds returns the result; metrics report each attempt", async () => {
    let calls = 0;
    handler = (_, res) => (calls++ === 0 ? res.writeHead(503).end() : res.end(GET_POP3_OK));
    const metrics: EnomMetric[] = [];
    const result = await client({ onMetric: (m) => metrics.push(m) }).getPop3({ domain });
    expect(result.paks).toEqual([]);
    expect(metrics.map(({ command, outcome, attempt }) => ({ command, outcome, attempt }))).toEqual([
      { command: "GetPOP3", outcome: "unavailable", attempt: 1 },
      { command: "GetPOP3", outcome: "ok", attempt: 2 },
    ]);
    expect(metrics.every((m) => m.durationMs >= 0)).toBe(true);
  });

  it("backs off with full jitter between read retries: random × min(cap, base × 2^n)", async () => {
    handler = (_, res) => res.writeHead(500).end();
    const delays: number[] = [];
    await failure(
      client({
        readRetries: 3,
        retryBaseDelayMs: 100,
        retryMaxDelayMs: 300,
        random: () => 0.5,
        sleep: async (ms) => void delays.push(ms),
      }).getPop3({ domain }),
    );
    expect(delays).toEqual([50, 100, 150]);
  });
});

describe("the concurrency cap", () => {
  it("never has more than maxConcurrency requests at eNom at once", async () => {
    handler = (_, res) => later(40, () => res.end(GET_POP3_OK));
    const c = client({ maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.getPop3({ domain: `domain${i}.com` })));
    expect(received).toHaveLength(8);
    expect(maxActive).toBe(2);
  });

  it("a call that waits too long for a slot fails as not-sent, and nothing is sent for it", async () => {
    handler = (request, res) => {
      if (request.body.get("command") === "GetPOP3") later(300, () => res.end(GET_POP3_OK));
      else
        res.end(
          enomXml("SetUpPOP3User", "<AccountsCreated>1</AccountsCreated><AccountsFailed>0</AccountsFailed>"),
        );
    };
    const c = client({ maxConcurrency: 1, queueTimeoutMs: 50 });
    const slow = c.getPop3({ domain });
    const error = await failure(write(c));
    expect(error).toMatchObject({
      name: "EnomUnavailable",
      reason: "queue-timeout",
      outcome: "not-sent",
      kind: "write",
    });
    await slow;
    expect(received.map((r) => r.body.get("command"))).toEqual(["GetPOP3"]);
  });
});

describe("single-flight", () => {
  it("identical reads in flight share one request; each caller gets its own copy", async () => {
    handler = (_, res) =>
      later(30, () =>
        res.end(
          enomXml(
            "GetPOP3",
            "<pop><username>james</username><admin>0</admin></pop><EmailCount>1</EmailCount><Paks/><Count>0</Count>",
          ),
        ),
      );
    const c = client();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => c.getPop3({ domain: "ResellerDocs.com" })),
    );
    expect(received).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    results[0]?.mailboxes.pop();
    expect(results[1]?.mailboxes).toHaveLength(1);
  });

  it("different parameters are different requests", async () => {
    handler = (_, res) => later(20, () => res.end(GET_POP3_OK));
    const c = client();
    await Promise.all([c.getPop3({ domain: "a.com" }), c.getPop3({ domain: "b.com" })]);
    expect(received).toHaveLength(2);
  });

  it("is never used for writes: two identical writes are two requests", async () => {
    handler = (_, res) =>
      later(20, () =>
        res.end(
          enomXml("SetUpPOP3User", "<AccountsCreated>1</AccountsCreated><AccountsFailed>0</AccountsFailed>"),
        ),
      );
    const c = client();
    await Promise.all([write(c), write(c)]);
    expect(received).toHaveLength(2);
  });

  it("a caller who gives up is released at once; the others still get the answer", async () => {
    handler = (_, res) => later(150, () => res.end(GET_POP3_OK));
    const c = client();
    const controller = new AbortController();
    const quitter = c.getPop3({ domain, signal: controller.signal });
    const stayer = c.getPop3({ domain });
    later(20, () => controller.abort());
    await expect(quitter).rejects.toMatchObject({ name: "EnomUnavailable", reason: "aborted" });
    await expect(stayer).resolves.toMatchObject({ paks: [] });
    expect(received).toHaveLength(1);
  });
});

describe("the raw reply hook (for npm run enom:check)", () => {
  it("gets every reply body, credentials and mailbox passwords removed, even when the reply is refused", async () => {
    const bodies = [
      enomXml(
        "GetPOP3",
        `<pop><username>ann</username><password>Xy-98765432</password><admin>0</admin></pop><EmailCount>1</EmailCount><Count>0</Count><Echo>${TEST_PW}</Echo>`,
      ),
      enomXml("GetPOP3", "<EmailCount>2</EmailCount><Count>0</Count>"),
    ];
    let calls = 0;
    handler = (_, res) => res.end(bodies[calls++] ?? "");
    const raw: Array<[string, string]> = [];
    const c = client({ onRawReply: (command, body) => void raw.push([command, body]), readRetries: 0 });
    await c.getPop3({ domain });
    await failure(c.getPop3({ domain: "other.com" }));
    expect(raw.map(([command]) => command)).toEqual(["GetPOP3", "GetPOP3"]);
    expect(raw[0]?.[1]).toContain("<password></password>");
    expect(raw[0]?.[1]).not.toContain("Xy-98765432");
    expect(raw[0]?.[1]).not.toContain(TEST_PW);
    expect(raw[1]?.[1]).toBe(bodies[1]);
  });
});

describe("logging", () => {
  it("a bad login is logged with what to fix", async () => {
    const log = bufferLogger();
    handler = (_, res) =>
      res.end(
        enomXml("GetBalance", "", {
          errors: ["Bad User name or Password"],
          responses: [{ number: "304155", text: "Validation error; invalid ; loginid" }],
        }),
      );
    await failure(client({ logger: log.logger }).getBalance());
    const [record] = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(record).toMatchObject({
      outcome: "enom-error",
      code: "bad-login",
      fix: "eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)",
      msg: "eNom GetBalance enom-error: eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)",
    });
    expect(log.text()).not.toContain(TEST_PW);
  });

  it("logs each request with command, duration, outcome and TrackingKey, parameters redacted", async () => {
    const log = bufferLogger();
    let calls = 0;
    handler = (_, res) => (calls++ === 0 ? res.writeHead(500).end() : res.end(GET_POP3_OK));
    await client({ logger: log.logger }).getPop3({ domain });
    const records = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      command: "GetPOP3",
      attempt: 1,
      outcome: "unavailable",
      reason: "http-status",
      httpStatus: 500,
    });
    expect(records[1]).toMatchObject({
      command: "GetPOP3",
      attempt: 2,
      outcome: "ok",
      trackingKey: "11111111-2222-3333-4444-555555555555",
      params: {
        command: "GetPOP3",
        uid: "[redacted]",
        pw: "[redacted]",
        SLD: "resellerdocs",
        TLD: "com",
        ResponseType: "XML",
      },
    });
    expect(typeof records[1]?.durationMs).toBe("number");
  });
});
