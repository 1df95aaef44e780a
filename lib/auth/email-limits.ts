import "server-only";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { consumePoint, minutesUntil, redisClient } from "./rate-limit";

/**
 * Hourly limits on emails the panel sends on someone's request (invitations, setup instructions):
 * per sender, and per receiving address whoever sends them, so nobody's inbox can be flooded from
 * the panel with the reseller's name on it. In Redis when REDIS_URL is set, as the sign-in limits;
 * one pair of counters per kind of email, made on first use.
 */
export interface HourlyEmailLimit {
  /** The counters' key prefix, e.g. `mailpak:invite`. */
  prefix: string;
  perSender: number;
  perAddress: number;
  /** What is counted, in the plural: "invitations", "setup emails". */
  what: string;
}

const HOUR_SECONDS = 3_600;
const globalForLimits = globalThis as unknown as {
  mailpakEmailLimiters?: Map<string, { sender: RateLimiterAbstract; address: RateLimiterAbstract }>;
};

function limiter(keyPrefix: string, points: number, redisUrl: string | undefined): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: HOUR_SECONDS };
  if (!redisUrl) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    storeClient: redisClient(redisUrl),
    ...options,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

function limitersOf(limit: HourlyEmailLimit) {
  const all = (globalForLimits.mailpakEmailLimiters ??= new Map());
  let pair = all.get(limit.prefix);
  if (!pair) {
    const redisUrl = getEnv().REDIS_URL;
    pair = {
      sender: limiter(`${limit.prefix}:sender`, limit.perSender, redisUrl),
      address: limiter(`${limit.prefix}:address`, limit.perAddress, redisUrl),
    };
    all.set(limit.prefix, pair);
  }
  return pair;
}

/** For tests: start this kind's counts from zero. */
export function resetEmailLimit(limit: HourlyEmailLimit): void {
  globalForLimits.mailpakEmailLimiters?.delete(limit.prefix);
}

/**
 * Counts one email from `senderId` to `to`; a message for the sender when either limit is reached
 * (nothing is sent then), else null. The address is counted whether or not it has a sign-in, so
 * the limit tells nothing about accounts either.
 */
export async function takeEmailPoint(
  limit: HourlyEmailLimit,
  senderId: string,
  to: string,
): Promise<string | null> {
  const limiters = limitersOf(limit);
  const senderWait = await consumePoint(limiters.sender, senderId);
  if (senderWait !== null)
    return `You have sent ${limit.perSender} ${limit.what} in the last hour. Try again in ${minutesText(senderWait)}.`;
  const addressWait = await consumePoint(limiters.address, to.toLowerCase());
  if (addressWait !== null)
    return `This address was sent ${limit.perAddress} ${limit.what} in the last hour. Try again in ${minutesText(addressWait)}.`;
  return null;
}

function minutesText(ms: number): string {
  const minutes = minutesUntil(ms);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
