import "server-only";
import Redis from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";

/**
 * Brute-force limits on sign-in. In memory by default; in Redis when REDIS_URL is set, so that
 * every panel instance sees the same counts.
 */
export const ACCOUNT_MAX_FAILURES = 5;
export const ACCOUNT_LOCK_SECONDS = 15 * 60;
export const IP_MAX_FAILURES = 30;
export const IP_WINDOW_SECONDS = 15 * 60;

export interface SignInLimiters {
  /** Failed sign-ins per email address (known or not, so a lockout reveals nothing). */
  account: RateLimiterAbstract;
  /** Failed sign-ins per client IP, whatever the email. */
  ip: RateLimiterAbstract;
}

const globalForLimits = globalThis as unknown as { mailpakLimiters?: SignInLimiters; mailpakRedis?: Redis };

export function redisClient(url: string): Redis {
  // Commands wait while the connection opens (the first sign-in after a start must not fail);
  // one retry, so a Redis outage shows quickly and the in-memory insurance limiter takes over.
  globalForLimits.mailpakRedis ??= new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  return globalForLimits.mailpakRedis;
}

export function createSignInLimiters(redisUrl?: string): SignInLimiters {
  const account = {
    keyPrefix: "mailpak:signin:account",
    points: ACCOUNT_MAX_FAILURES,
    duration: ACCOUNT_LOCK_SECONDS,
    blockDuration: ACCOUNT_LOCK_SECONDS,
  };
  const ip = {
    keyPrefix: "mailpak:signin:ip",
    points: IP_MAX_FAILURES,
    duration: IP_WINDOW_SECONDS,
    blockDuration: IP_WINDOW_SECONDS,
  };
  if (redisUrl) {
    const storeClient = redisClient(redisUrl);
    // While Redis is unreachable each instance keeps counting on its own rather than letting
    // every attempt through or refusing every sign-in.
    return {
      account: new RateLimiterRedis({
        storeClient,
        ...account,
        insuranceLimiter: new RateLimiterMemory(account),
      }),
      ip: new RateLimiterRedis({ storeClient, ...ip, insuranceLimiter: new RateLimiterMemory(ip) }),
    };
  }
  return { account: new RateLimiterMemory(account), ip: new RateLimiterMemory(ip) };
}

export function getSignInLimiters(): SignInLimiters {
  globalForLimits.mailpakLimiters ??= createSignInLimiters(getEnv().REDIS_URL);
  return globalForLimits.mailpakLimiters;
}

/** Whole minutes until a block ends, at least 1. */
export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** Consumes one point; returns the wait in ms when the limit is reached, else null. */
export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
    throw rejection;
  }
}

export type TakenPoint = { taken: true; remaining: number } | { taken: false; waitMs: number };

/**
 * Takes one point before the check it guards, in one atomic step of the store (memory or Redis),
 * so that attempts sent at once cannot all pass a limit that is only counted afterwards. A check
 * that succeeds gives its point back with `refundPoint`.
 */
export async function takePoint(limiter: RateLimiterAbstract, key: string): Promise<TakenPoint> {
  try {
    const res = await limiter.consume(key);
    return { taken: true, remaining: res.remainingPoints };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { taken: false, waitMs: rejection.msBeforeNext };
    throw rejection;
  }
}

/** Gives back a point taken by `takePoint` for a check that succeeded. */
export async function refundPoint(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.reward(key, 1);
}

/** The wait in ms when `key` is already blocked, else null; consumes nothing. */
export async function blockedFor(
  limiter: RateLimiterAbstract,
  key: string,
  maxPoints: number,
): Promise<number | null> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= maxPoints && state.msBeforeNext > 0) return state.msBeforeNext;
  return null;
}
