import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serveControl } from "./control";
import { startDnsServer, type RunningDnsServer } from "./dns/server";
import { renderAnswer, serveInterface } from "./endpoint";
import { enomErrors } from "./errors";
import { BodyTooLargeError, isLoopback, sendJson, sendPlain } from "./http-io";
import { errorAnswer } from "./interface";
import { DEFAULT_DOMAIN_COUNT } from "./seed";
import { Simulator } from "./simulator";
import { CONTENT_TYPES, responseFormatOf } from "./wire/format";
import { EnomParams } from "./wire/params";

/**
 * The eNom simulator as an HTTP server: eNom's interface.asp for email, plus the /_sim/ control
 * API for tests. See README.md beside this file and docs/enom.md for the wire.
 */
export interface SimulatorOptions {
  /** Default 4000; 0 = ephemeral. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default ./data/enom-sim.json; null = in memory only. */
  statePath?: string | null;
  /** Generated domains, default 40 (used when seeding; a saved world keeps its own). */
  domainCount?: number;
  /** Start from the seed, discarding saved state. */
  reset?: boolean;
  /** Clock, for tests. */
  now?: () => Date;
  /** Added to every interface.asp call (ENOM_SIM_LATENCY_MS), default 0. */
  latencyMs?: number;
  /**
   * Mailbox passwords by the 2014 rule (6-30 letters and digits, no error 48) instead of eNom's
   * current one, so the seeds' `Abcdefg1` and `resellpw` replay verbatim. Default off.
   */
  legacyPasswords?: boolean;
  /** Caller addresses eNom accepts (others get 713254); default null, any address. */
  allowedIps?: readonly string[] | null;
  /**
   * Serve the domains' host records over DNS (UDP and TCP) on this port of `host`
   * (ENOM_SIM_DNS_PORT; 0 = ephemeral); default null, no DNS server.
   */
  dnsPort?: number | null;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT/interface.asp */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** How long building or reloading the world took. */
  startupMs: number;
  /** Domains in the world (generated ones plus the documents' and the retail account's). */
  domainCount: number;
  /** The DNS server's port, or null when none was asked for. */
  dnsPort: number | null;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4000;
export const DEFAULT_STATE_PATH = "./data/enom-sim.json";

export async function startEnomSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const simulator = new Simulator({
    statePath: options.statePath === undefined ? DEFAULT_STATE_PATH : options.statePath,
    domainCount: options.domainCount ?? DEFAULT_DOMAIN_COUNT,
    reset: options.reset ?? false,
    now: options.now ?? (() => new Date()),
    baselineLatencyMs: options.latencyMs ?? 0,
    legacyPasswords: options.legacyPasswords ?? false,
    allowedIps: options.allowedIps ?? null,
  });
  const server = createServer((request, response) => {
    route(simulator, request, response).catch((error: unknown) => failed(request, response, error));
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let dns: RunningDnsServer | null = null;
  if (options.dnsPort !== undefined && options.dnsPort !== null) {
    try {
      dns = await startDnsServer({ port: options.dnsPort, host, world: () => simulator.world });
    } catch (error) {
      server.close();
      throw error;
    }
  }
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/interface.asp`,
    origin,
    port,
    startupMs: simulator.startupMs,
    domainCount: simulator.world.domains.size,
    dnsPort: dns?.port ?? null,
    close: async () => {
      await Promise.all([
        dns?.close(),
        new Promise<void>((resolve) => {
          simulator.closed = true;
          server.close(() => resolve());
          // Idle keep-alive sockets and calls hung by a fault would hold close() open forever.
          server.closeAllConnections();
        }),
      ]);
    },
  };
}

async function route(
  simulator: Simulator,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://simulator.invalid");
  const path = url.pathname.toLowerCase();
  if (path === "/interface.asp") {
    if (request.method !== "GET" && request.method !== "POST")
      return sendPlain(response, 405, "interface.asp answers GET and POST\n");
    return serveInterface(simulator, request, response, url);
  }
  if (path === "/_sim" || path.startsWith("/_sim/")) {
    if (!isLoopback(request.socket.remoteAddress))
      return sendJson(response, 403, { error: "the control API answers loopback clients only" });
    return serveControl(simulator, request, response, url);
  }
  if (path === "/")
    return sendPlain(
      response,
      200,
      "eNom simulator: send commands to /interface.asp; control API under /_sim/\n",
    );
  return sendPlain(response, 404, "Not found\n");
}

/** Whatever went wrong outside a command still reaches the caller as eNom would say it. */
function failed(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (response.headersSent || response.destroyed) return;
  if (error instanceof BodyTooLargeError) return sendPlain(response, 413, "Request entity too large\n");
  process.stderr.write(
    `eNom simulator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  const url = new URL(request.url ?? "/", "http://simulator.invalid");
  if (url.pathname.toLowerCase().startsWith("/_sim"))
    return sendJson(response, 500, { error: "internal error" });
  const params = EnomParams.parse(url.search.slice(1));
  const format = responseFormatOf(params) ?? "text";
  sendPlain(
    response,
    200,
    renderAnswer(errorAnswer(params, [enomErrors.internal]), format, performance.now(), new Date()),
    CONTENT_TYPES[format],
  );
}
