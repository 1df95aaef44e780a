/**
 * Stands in for `@/lib/auth/session` so tests can call server actions as any user:
 *   vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
 *   vi.mock("next/headers", () => import("@/test/next-headers-mock"));
 */
import type { SessionUser } from "@/lib/auth/session";

let current: SessionUser | null = null;

export function signInAs(user: SessionUser | null): void {
  current = user;
}

export async function getSessionUser(): Promise<SessionUser | null> {
  return current;
}

export type { SessionUser };
