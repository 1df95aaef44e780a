import "server-only";
import { pingDatabase } from "@/lib/db";
import {
  enomAccessStatus,
  getEnomClient,
  isEnomError,
  isEnomUnavailable,
  recordEnomAccess,
  type EnomAccessProblem,
} from "@/lib/enom";
import { enomModeOf, type EnomMode } from "@/lib/enom-mode";
import { getEnv } from "@/lib/env";

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  /** A short, user-readable reason; never a credential or a stack trace. */
  error?: string;
}

/**
 * Why eNom failed, when the reseller can act on it: `bad-login` and `ip-not-allowed` (eNom refused
 * Mailpak itself: `fix` says exactly what to change), `unrecognised` (eNom answered in a form
 * Mailpak does not understand), `unreachable` (eNom is not answering).
 */
export type EnomProblem = "bad-login" | "ip-not-allowed" | "unrecognised" | "unreachable" | "refused";

export interface EnomCheckResult extends CheckResult {
  mode: EnomMode;
  problem?: EnomProblem;
  /** For bad-login and ip-not-allowed: what to fix, in eNom's terms. */
  fix?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  checks: { database: CheckResult & { kind: "embedded" | "postgres" }; enom: EnomCheckResult };
}

/** What anyone may read: enough for a load balancer, nothing about the installation. */
export interface HealthSummary {
  ok: boolean;
  status: HealthReport["status"];
}

export function healthSummary(report: HealthReport): HealthSummary {
  return { ok: report.status === "ok", status: report.status };
}

const ENOM_HEALTH_TIMEOUT_MS = 5_000;

async function timed(check: () => Promise<unknown>): Promise<CheckResult & { failure?: unknown }> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : "unknown error",
      failure: error,
    };
  }
}

/** What went wrong with eNom, in the words the reseller needs (and nothing secret). */
function enomProblemOf(failure: unknown): {
  problem: EnomProblem;
  fix?: string;
  access: EnomAccessProblem | null;
} {
  if (isEnomError(failure)) {
    const access = failure.accessProblem;
    if (access) return { problem: access.code, fix: access.fix, access };
    return { problem: "refused", access: null };
  }
  if (isEnomUnavailable(failure) && failure.reason === "unrecognised")
    return { problem: "unrecognised", access: null };
  return { problem: "unreachable", access: null };
}

/** The database and eNom, checked side by side; eNom with GetBalance, its cheapest call. */
export async function checkHealth(): Promise<HealthReport> {
  const env = getEnv();
  const [database, enom] = await Promise.all([
    timed(pingDatabase),
    timed(() => getEnomClient().getBalance({ timeoutMs: ENOM_HEALTH_TIMEOUT_MS })),
  ]);
  const enomResult: EnomCheckResult = {
    ok: enom.ok,
    latencyMs: enom.latencyMs,
    mode: enomModeOf(env.ENOM_BASE_URL),
  };
  if (enom.ok) recordEnomAccess(null);
  else {
    const { problem, fix, access } = enomProblemOf(enom.failure);
    enomResult.problem = problem;
    enomResult.error = fix ?? enom.error;
    if (fix) enomResult.fix = fix;
    // Only an answer from eNom says anything about the login; a timeout leaves the last word standing.
    if (problem !== "unreachable") recordEnomAccess(access);
  }
  return {
    status: database.ok && enom.ok ? "ok" : "degraded",
    version: process.env.MAILPAK_VERSION ?? "0.0.0",
    checks: {
      database: {
        ok: database.ok,
        latencyMs: database.latencyMs,
        ...(database.error ? { error: database.error } : {}),
        kind: env.DATABASE_URL ? "postgres" : "embedded",
      },
      enom: enomResult,
    },
  };
}

/**
 * For the staff banner only (never a customer page): eNom's last word on Mailpak's login and IP
 * address, from the last health check (load balancers poll /api/health) or eNom call. It asks eNom
 * nothing itself: a page render must not add calls that tests and fault injection do not expect.
 */
export function enomAccessProblemForStaff(): EnomAccessProblem | null {
  return enomAccessStatus().problem;
}
