import "server-only";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { redisClient } from "@/lib/auth/rate-limit";
import { getEnv } from "@/lib/env";

/**
 * Limits on "Forgot your password?" requests, like sign-in's: per email address (so nobody floods
 * a mailbox with links) and per client IP (so nobody sprays addresses). In Redis when REDIS_URL
 * is set, so every panel instance counts together.
 */
export const RESET_EMAIL_MAX = 3;
export const RESET_EMAIL_WINDOW_SECONDS = 60 * 60;
export const RESET_IP_MAX = 20;
export const RESET_IP_WINDOW_SECONDS = 15 * 60;

export interface ResetLimiters {
  email: RateLimiterAbstract;
  ip: RateLimiterAbstract;
}

const globalForLimits = globalThis as unknown as { mailpakResetLimiters?: ResetLimiters };

export function createResetLimiters(redisUrl?: string): ResetLimiters {
  const email = {
    keyPrefix: "mailpak:reset:email",
    points: RESET_EMAIL_MAX,
    duration: RESET_EMAIL_WINDOW_SECONDS,
  };
  const ip = { keyPrefix: "mailpak:reset:ip", points: RESET_IP_MAX, duration: RESET_IP_WINDOW_SECONDS };
  if (redisUrl) {
    const storeClient = redisClient(redisUrl);
    return {
      email: new RateLimiterRedis({ storeClient, ...email, insuranceLimiter: new RateLimiterMemory(email) }),
      ip: new RateLimiterRedis({ storeClient, ...ip, insuranceLimiter: new RateLimiterMemory(ip) }),
    };
  }
  return { email: new RateLimiterMemory(email), ip: new RateLimiterMemory(ip) };
}

export function getResetLimiters(): ResetLimiters {
  globalForLimits.mailpakResetLimiters ??= createResetLimiters(getEnv().REDIS_URL);
  return globalForLimits.mailpakResetLimiters;
}
