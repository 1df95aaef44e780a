import http, { type IncomingMessage } from "node:http";
import { clientAddress, trustedProxies, type TrustedProxies } from "./client-ip";

/**
 * Next.js gives the app no socket, only headers, and keeps any X-Forwarded-For a client sends. So
 * the panel's HTTP server decides the client's address itself, from the socket and TRUSTED_PROXIES,
 * before Next.js sees the request, and writes it in this header (over whatever a client put there).
 */
export const CLIENT_ADDRESS_HEADER = "x-mailpak-client-address";

interface HookState {
  trusted: TrustedProxies;
}

const globalForHook = globalThis as unknown as { mailpakClientAddressHook?: HookState };

/** Installed once per process, at start (lib/startup.ts); a second call only updates the proxies. */
export function installClientAddressHeader(trustedProxiesSetting: string | undefined): void {
  const trusted = trustedProxies(trustedProxiesSetting);
  const installed = globalForHook.mailpakClientAddressHook;
  if (installed) {
    installed.trusted = trusted;
    return;
  }
  const state: HookState = { trusted };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
        {
          peer: request.socket.remoteAddress,
          forwardedFor: request.headers["x-forwarded-for"],
          realIp: request.headers["x-real-ip"],
        },
        state.trusted,
      );
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  globalForHook.mailpakClientAddressHook = state;
}

/**
 * Whether this process writes the header. Until it does (a script, a test), the header could only
 * have come from the client, so it is not read at all.
 */
export function clientAddressHeaderInstalled(): boolean {
  return globalForHook.mailpakClientAddressHook !== undefined;
}
