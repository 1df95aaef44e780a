/** Stands in for `next/headers` outside a request: a fixed client address and browser. */
const requestHeaders = new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "vitest" });

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
