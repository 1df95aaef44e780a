import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { isStaffRole } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { checkHealth, healthSummary } from "@/lib/health";
import { bearerTokenMatches } from "@/lib/metrics/token";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * Liveness and readiness for load balancers and for people: 200 when all is well, else 503. The
 * details (version, database kind, eNom mode and problems) tell an attacker what runs here, so
 * only the reseller's staff and the holder of METRICS_TOKEN read them; anyone else gets ok/status.
 */
export const GET = observeRoute("/api/health", async (request: Request) => {
  const report = await checkHealth();
  const detailed = await mayReadDetails(request);
  return NextResponse.json(detailed ? report : healthSummary(report), {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});

async function mayReadDetails(request: Request): Promise<boolean> {
  const token = getEnv().METRICS_TOKEN;
  if (token && bearerTokenMatches(request.headers.get("authorization"), token)) return true;
  // A health check must answer even when the session cannot be read.
  const user = await getSessionUser().catch(() => null);
  return user !== null && isStaffRole(user.role);
}
