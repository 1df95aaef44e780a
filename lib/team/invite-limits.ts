import "server-only";
import { resetEmailLimit, takeEmailPoint, type HourlyEmailLimit } from "@/lib/auth/email-limits";

/**
 * How many invitation emails may be sent in an hour: per inviting administrator, and per invited
 * address whoever sends them. Sending again counts like a new invitation.
 */
export const INVITES_PER_INVITER_PER_HOUR = 20;
export const INVITES_PER_ADDRESS_PER_HOUR = 5;

const INVITE_LIMIT: HourlyEmailLimit = {
  prefix: "mailpak:invite",
  perSender: INVITES_PER_INVITER_PER_HOUR,
  perAddress: INVITES_PER_ADDRESS_PER_HOUR,
  what: "invitations",
};

/** For tests: start every count from zero. */
export function resetInviteLimits(): void {
  resetEmailLimit(INVITE_LIMIT);
}

/** Counts one invitation email from `inviterId` to `email`; a message when a limit is reached, else null. */
export function takeInvitePoint(inviterId: string, email: string): Promise<string | null> {
  return takeEmailPoint(INVITE_LIMIT, inviterId, email);
}
