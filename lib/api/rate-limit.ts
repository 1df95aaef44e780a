import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { redisClient } from "@/lib/auth/rate-limit";
import { getEnv } from "@/lib/env";

/**
 * Requests per minute per API key (API_RATE_LIMIT_PER_MINUTE, default 120). In Redis when
 * REDIS_URL is set, so every panel instance counts the same calls; in memory otherwise. While
 * Redis is unreachable each instance counts on its own rather than refusing or allowing every call.
 */

export interface ApiRateLimiter {
  limit: number;
  consume(key: string): Promise<RateLimiterRes>;
}

export type ApiRateLimitResult =
  | { ok: true; remaining: number; limit: number; resetSeconds: number }
  | { ok: false; retryAfterSeconds: number; limit: number };

const WINDOW_SECONDS = 60;

export function createApiRateLimiter(options: { perMinute: number; redisUrl?: string }): ApiRateLimiter {
  const settings = { keyPrefix: "mailpak:api:key", points: options.perMinute, duration: WINDOW_SECONDS };
  const limiter = options.redisUrl
    ? new RateLimiterRedis({
        storeClient: redisClient(options.redisUrl),
        ...settings,
        insuranceLimiter: new RateLimiterMemory(settings),
      })
    : new RateLimiterMemory(settings);
  return { limit: options.perMinute, consume: (key) => limiter.consume(key) };
}

const globalForApiLimits = globalThis as unknown as { mailpakApiLimiter?: ApiRateLimiter };

export function getApiRateLimiter(): ApiRateLimiter {
  const env = getEnv();
  globalForApiLimits.mailpakApiLimiter ??= createApiRateLimiter({
    perMinute: env.API_RATE_LIMIT_PER_MINUTE,
    redisUrl: env.REDIS_URL,
  });
  return globalForApiLimits.mailpakApiLimiter;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Counts one call of the key; when over the limit, how long until it may call again (`Retry-After`). */
export async function consumeApiRateLimit(
  keyId: string,
  limiter: ApiRateLimiter = getApiRateLimiter(),
): Promise<ApiRateLimitResult> {
  try {
    const res = await limiter.consume(keyId);
    return {
      ok: true,
      remaining: res.remainingPoints,
      limit: limiter.limit,
      resetSeconds: seconds(res.msBeforeNext),
    };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: seconds(rejection.msBeforeNext), limit: limiter.limit };
    throw rejection;
  }
}
