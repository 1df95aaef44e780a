import "server-only";

/**
 * Renewal reminders run as a scheduled job: the pg-boss schedule `reminders-send` (hourly, and a
 * minute after each start) in lib/jobs/engine.ts calls `sendRenewalReminders`. pg-boss hands
 * each scheduled pass to one instance, and each reminder is claimed in the database before it is
 * sent, so several instances still send it once.
 */
export const REMINDER_SCHEDULE = "0 * * * *";
