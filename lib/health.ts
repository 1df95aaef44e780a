import "server-only";
import { pingDatabase } from "@/lib/db";
import { getEnomClient } from "@/lib/enom";
import { enomModeOf, type EnomMode } from "@/lib/enom-mode";
import { getEnv } from "@/lib/env";

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  /** A short, user-readable reason; never a credential or a stack trace. */
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  checks: { database: CheckResult & { kind: "pglite" | "postgres" }; enom: CheckResult & { mode: EnomMode } };
}

const ENOM_HEALTH_TIMEOUT_MS = 5_000;

async function timed(check: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : "unknown error",
    };
  }
}

/** The database and eNom, checked side by side; eNom with GetBalance, its cheapest call. */
export async function checkHealth(): Promise<HealthReport> {
  const env = getEnv();
  const [database, enom] = await Promise.all([
    timed(pingDatabase),
    timed(() => getEnomClient().getBalance({ timeoutMs: ENOM_HEALTH_TIMEOUT_MS })),
  ]);
  return {
    status: database.ok && enom.ok ? "ok" : "degraded",
    version: process.env.MAILPAK_VERSION ?? "0.0.0",
    checks: {
      database: { ...database, kind: env.DATABASE_URL ? "postgres" : "pglite" },
      enom: { ...enom, mode: enomModeOf(env.ENOM_BASE_URL) },
    },
  };
}
