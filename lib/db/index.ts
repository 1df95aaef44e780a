import "server-only";
import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { openDatabase, type Database, type DatabaseHandle } from "./client";

// Kept on globalThis so Next's dev reloads do not start a second embedded server on the same folder.
const globalForDb = globalThis as unknown as { mailpakDb?: Promise<DatabaseHandle> };

/**
 * The app's database, opened and migrated once per process: the operator's PostgreSQL when
 * `DATABASE_URL` is set, otherwise an embedded PostgreSQL server started here, in
 * `EMBEDDED_POSTGRES_DIR`, and stopped when the panel exits.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.mailpakDb ??= (async () => {
    const env = getEnv();
    let handle: DatabaseHandle;
    if (env.DATABASE_URL) {
      handle = openDatabase({ databaseUrl: env.DATABASE_URL });
    } else {
      const { startEmbeddedPostgres } = await import("./embedded-postgres");
      // The panel owns the server in its folder (and takes over one a killed panel left running);
      // a script beside it (`npm run reminders`) only borrows it and leaves it running.
      const server = await startEmbeddedPostgres({
        dataDir: env.EMBEDDED_POSTGRES_DIR,
        borrow: !process.env.NEXT_RUNTIME,
      });
      handle = openDatabase({ databaseUrl: server.url, kind: "embedded", onClose: server.stop });
    }
    await handle.migrate();
    return handle;
  })();
  return globalForDb.mailpakDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** A round trip to the database, for the health check. */
export async function pingDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}
