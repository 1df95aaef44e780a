import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";

/** Liveness and readiness for load balancers and for people: 200 when all is well, else 503. */
export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
