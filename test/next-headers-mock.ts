import { CLIENT_ADDRESS_HEADER, installClientAddressHeader } from "@/lib/security/client-address-header";

/**
 * Stands in for `next/headers` outside a request: a fixed browser, and the client address as the
 * panel's server resolves it (lib/security/client-address-header.ts), installed as at start.
 */
installClientAddressHeader(undefined);
const requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "user-agent": "vitest" });

export async function headers(): Promise<Headers> {
  return requestHeaders;
}

export async function cookies() {
  return {
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  };
}
