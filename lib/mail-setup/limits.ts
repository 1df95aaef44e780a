import "server-only";
import { resetEmailLimit, takeEmailPoint, type HourlyEmailLimit } from "@/lib/auth/email-limits";

/** How many setup emails may leave in an hour: per sender, and per receiving address. */
export const SETUP_EMAILS_PER_SENDER_PER_HOUR = 20;
export const SETUP_EMAILS_PER_ADDRESS_PER_HOUR = 3;

const SETUP_EMAIL_LIMIT: HourlyEmailLimit = {
  prefix: "mailpak:setup-email",
  perSender: SETUP_EMAILS_PER_SENDER_PER_HOUR,
  perAddress: SETUP_EMAILS_PER_ADDRESS_PER_HOUR,
  what: "setup emails",
};

/** For tests: start every count from zero. */
export function resetSetupEmailLimits(): void {
  resetEmailLimit(SETUP_EMAIL_LIMIT);
}

/** Counts one setup email; a message for the sender when a limit is reached (nothing is sent), else null. */
export function takeSetupEmailPoint(senderId: string, to: string): Promise<string | null> {
  return takeEmailPoint(SETUP_EMAIL_LIMIT, senderId, to);
}
