/**
 * `npm run reminders`: one pass of the renewal reminders now (the panel also sends them hourly).
 * Reads the panel's environment: ENOM_*, the database (DATABASE_URL, or the panel's embedded PostgreSQL), SMTP_URL or
 * MAIL_CAPTURE_DIR, PUBLIC_URL for the links. Safe to run beside the panel: each reminder is sent
 * once, whoever sends it. Exits 1 when an email or eNom failed.
 */
import { getDatabaseHandle } from "@/lib/db";
import { EnvError } from "@/lib/env";
import { sendRenewalReminders } from "@/lib/reminders/send-reminders";

async function main(): Promise<void> {
  const handle = await getDatabaseHandle();
  try {
    const run = await sendRenewalReminders();
    console.log(
      `Renewal reminders: ${run.sent} sent, ${run.alreadySent} already sent before, ${run.noRecipient} due without an administrator to write to, ${run.failed} failed (${run.paks} paks checked).`,
    );
    if (run.failed) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof EnvError
      ? error.message
      : `Renewal reminders failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
