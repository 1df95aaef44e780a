import "server-only";
import { logger } from "@/lib/logger";
import { sendRenewalReminders } from "./send-reminders";

const HOUR_MS = 60 * 60 * 1000;
/** The first pass waits a little after start, so a restart loop does not hammer eNom. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

const globalForSchedule = globalThis as unknown as { mailpakReminderTimer?: NodeJS.Timeout };

/**
 * Sends due renewal reminders every hour, in the panel's own process. Safe with several panel
 * instances: each reminder is claimed in the database before it is sent. The timers never keep
 * the process alive on their own.
 */
export function startReminderSchedule(): void {
  if (globalForSchedule.mailpakReminderTimer) return;
  const run = () => {
    sendRenewalReminders()
      .then((result) => {
        if (result.sent || result.failed) logger.info(result, "renewal reminders sent");
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, "renewal reminders: this pass failed; next pass in an hour"),
      );
  };
  setTimeout(run, FIRST_RUN_DELAY_MS).unref();
  globalForSchedule.mailpakReminderTimer = setInterval(run, HOUR_MS).unref();
}
