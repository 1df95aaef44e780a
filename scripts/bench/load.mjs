// Load generation: autocannon with every response's time kept, so p50/p95/p99 are exact.
import autocannon from "autocannon";
import { percentile } from "./lib.mjs";

/**
 * Runs autocannon against `url` with the cookie; returns percentiles (ms), requests per second,
 * errors (connection errors, timeouts and non-2xx answers) and the status codes seen.
 */
export async function hammer({ url, cookie, connections, seconds, timeoutSeconds = 10 }) {
  const times = [];
  const statuses = {};
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: timeoutSeconds,
    headers: { cookie, accept: "application/json" },
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    seconds,
    connections,
    rps: result.requests.total / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
  };
}
