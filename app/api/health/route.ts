import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";
import { observeRoute } from "@/lib/metrics/observe";

/** Liveness and readiness for load balancers and for people: 200 when all is well, else 503. */
export const GET = observeRoute("/api/health", async (_request: Request) => {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
