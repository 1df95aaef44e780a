import "server-only";
import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { openDatabase, type Database, type DatabaseHandle } from "./client";

// Kept on globalThis so Next's dev reloads do not open a second PGlite on the same directory.
const globalForDb = globalThis as unknown as { mailpakDb?: Promise<DatabaseHandle> };

/** The app's database, opened and migrated once per process. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.mailpakDb ??= (async () => {
    const env = getEnv();
    const handle = openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
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
