import "server-only";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { consumePoint, minutesUntil, redisClient } from "@/lib/auth/rate-limit";
import { getEnv } from "@/lib/env";

/**
 * How many invitation emails may be sent in an hour: per inviting administrator, and per invited
 * address whoever sends them (so nobody's inbox can be flooded from the panel). Sending again
 * counts like a new invitation. In Redis when REDIS_URL is set, as the sign-in limits.
 */
export const INVITES_PER_INVITER_PER_HOUR = 20;
export const INVITES_PER_ADDRESS_PER_HOUR = 5;
const HOUR_SECONDS = 3_600;

interface InviteLimiters {
  inviter: RateLimiterAbstract;
  address: RateLimiterAbstract;
}

const globalForInvites = globalThis as unknown as { mailpakInviteLimiters?: InviteLimiters };

function limiter(keyPrefix: string, points: number, redisUrl: string | undefined): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: HOUR_SECONDS };
  if (!redisUrl) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    storeClient: redisClient(redisUrl),
    ...options,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

function inviteLimiters(): InviteLimiters {
  const redisUrl = getEnv().REDIS_URL;
  globalForInvites.mailpakInviteLimiters ??= {
    inviter: limiter("mailpak:invite:inviter", INVITES_PER_INVITER_PER_HOUR, redisUrl),
    address: limiter("mailpak:invite:address", INVITES_PER_ADDRESS_PER_HOUR, redisUrl),
  };
  return globalForInvites.mailpakInviteLimiters;
}

/** For tests: start every count from zero. */
export function resetInviteLimits(): void {
  globalForInvites.mailpakInviteLimiters = undefined;
}

/**
 * Counts one invitation email from `inviterId` to `email`; a message for the administrator when
 * either limit is reached (nothing is sent then), else null. The address's count is kept whether
 * or not it has a sign-in, so the limit tells nothing about accounts either.
 */
export async function takeInvitePoint(inviterId: string, email: string): Promise<string | null> {
  const limits = inviteLimiters();
  const inviterWait = await consumePoint(limits.inviter, inviterId);
  if (inviterWait !== null)
    return `You have sent ${INVITES_PER_INVITER_PER_HOUR} invitations in the last hour. Try again in ${minutesText(inviterWait)}.`;
  const addressWait = await consumePoint(limits.address, email.toLowerCase());
  if (addressWait !== null)
    return `This address was sent ${INVITES_PER_ADDRESS_PER_HOUR} invitations in the last hour. Try again in ${minutesText(addressWait)}.`;
  return null;
}

function minutesText(ms: number): string {
  const minutes = minutesUntil(ms);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
