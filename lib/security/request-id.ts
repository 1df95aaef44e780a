/**
 * Every request carries an `x-request-id`: one a load balancer already set, if it looks like an
 * id, else a new UUID. Log lines and the response carry the same id, so a user's "reference"
 * finds its log lines. Runs in the proxy, so no server-only imports.
 */
export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits and `._:-` only, 8 to 128 of them: no header or log injection rides in. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function acceptedRequestId(incoming: string | null | undefined): string {
  const candidate = incoming?.trim();
  return candidate && SANE_REQUEST_ID.test(candidate) ? candidate : crypto.randomUUID();
}
