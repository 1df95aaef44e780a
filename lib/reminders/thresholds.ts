/**
 * When renewal reminders go out: 30, 7 and 1 days before a pak expires. A run picks the tightest
 * threshold a pak has reached, so a run missed on the exact day (a restart, an eNom outage) still
 * sends the reminder that matters next, never an out-of-date "30 days" with 5 days left.
 */
export const REMINDER_DAYS = [30, 7, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/** The reminder due with `daysLeft` days to go, or null (far off, or already expired). */
export function dueReminder(daysLeft: number): ReminderDays | null {
  if (daysLeft < 0) return null;
  let due: ReminderDays | null = null;
  for (const days of REMINDER_DAYS) if (daysLeft <= days) due = days;
  return due;
}
