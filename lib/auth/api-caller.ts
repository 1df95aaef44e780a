import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { SessionUser } from "./session";

/**
 * Who a public API call acts as (app/api/v1): the API key's holder, within the key's scopes. The
 * API runs the same server actions as the panel's forms; inside this scope `getSessionUser`
 * answers with the key's user instead of a cookie's, so every guard and audit applies unchanged.
 */
interface ApiCallScope {
  user: SessionUser;
  /** The HTTP status the last action inside the call settled on (lib/metrics/observe.ts). */
  actionStatus?: number;
}

const storage = new AsyncLocalStorage<ApiCallScope>();

export function runAsApiCaller<T>(user: SessionUser, work: () => Promise<T>): Promise<T> {
  return storage.run({ user }, work);
}

export function currentApiUser(): SessionUser | null {
  return storage.getStore()?.user ?? null;
}

/** Noted by every action's envelope, so the API answers a refusal with its true status. */
export function noteActionStatus(status: number): void {
  const scope = storage.getStore();
  if (scope) scope.actionStatus = status;
}

export function lastActionStatus(): number | undefined {
  return storage.getStore()?.actionStatus;
}
