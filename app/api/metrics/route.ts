import { getEnv } from "@/lib/env";
import { getMetrics } from "@/lib/metrics/registry";
import { bearerTokenMatches } from "@/lib/metrics/token";

/**
 * Prometheus metrics, for a scraper holding METRICS_TOKEN (`Authorization: Bearer …`). Without a
 * token configured the endpoint does not exist. Each instance reports its own process: scrape
 * every replica, not the load balancer.
 */
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found.\n", { status: 404, headers: NO_STORE });
  if (!bearerTokenMatches(request.headers.get("authorization"), token)) {
    return new Response("A valid metrics token is required.\n", {
      status: 401,
      headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { ...NO_STORE, "Content-Type": registry.contentType },
  });
}
