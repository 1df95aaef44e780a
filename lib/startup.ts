import "server-only";
import { sql } from "drizzle-orm";
import { DEMO_EMAIL_DOMAIN } from "@/lib/auth/demo";
import { getDatabaseHandle } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed-demo";
import { EnvError, getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startJobWorkers } from "@/lib/jobs/engine";
import { installClientAddressHeader } from "@/lib/security/client-address-header";

class StartupError extends Error {}

export async function startServer(): Promise<void> {
  try {
    const env = getEnv();
    // Before the first request: the client's address comes from the socket, or a trusted proxy.
    installClientAddressHeader(env.TRUSTED_PROXIES);
    const handle = await getDatabaseHandle();
    if (env.MAILPAK_DEMO === "1") {
      await seedDemo(handle.db);
    } else if (env.NODE_ENV === "production") {
      const [demo] = await handle.db
        .select({ email: users.email })
        .from(users)
        .where(sql`lower(${users.email}) like ${`%@${DEMO_EMAIL_DOMAIN}`}`)
        .limit(1);
      if (demo) {
        throw new StartupError(
          `Mailpak cannot start: the database holds demo users (@${DEMO_EMAIL_DOMAIN}) with a published password. Delete them, or run the demo with MAILPAK_DEMO=1.`,
        );
      }
    }
    // The job workers (lib/jobs): long eNom work, the mirror's nightly sync and the hourly renewal
    // reminders, once across all instances; unfinished runs of a stopped instance resume.
    if (env.NODE_ENV !== "test") await startJobWorkers();
    logger.info(
      { database: handle.kind, enom: new URL(env.ENOM_BASE_URL).host, demo: env.MAILPAK_DEMO === "1" },
      "mailpak ready",
    );
  } catch (error) {
    // One plain line per problem and no stack trace: these are configuration mistakes, not bugs.
    if (error instanceof EnvError || error instanceof StartupError) console.error(error.message);
    else console.error(`Mailpak cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
