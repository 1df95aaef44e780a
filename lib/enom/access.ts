import "server-only";
import type { EnomAccessProblem } from "./errors";

/**
 * Whether eNom last accepted Mailpak at all: the last bad login or refused IP address (from any
 * call or health check), cleared by the next call eNom answers. One per process, on globalThis so
 * every route bundle sees the same; staff see it as a banner, /api/health reports it.
 */
export type EnomAccessStatus = { problem: EnomAccessProblem | null; checkedAt: number | null };

const STATUS = Symbol.for("mailpak.enom.access");
type Holder = { [STATUS]?: EnomAccessStatus };

function holder(): Holder {
  return globalThis as Holder;
}

export function enomAccessStatus(): EnomAccessStatus {
  return holder()[STATUS] ?? { problem: null, checkedAt: null };
}

/** eNom answered: a problem is recorded, an answer without one clears it. */
export function recordEnomAccess(problem: EnomAccessProblem | null, now = Date.now()): void {
  holder()[STATUS] = { problem: problem ? { ...problem } : null, checkedAt: now };
}

/** Tests only. */
export function resetEnomAccess(): void {
  delete holder()[STATUS];
}
