import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { logger } from "@/lib/logger";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib/db/migrations");

// Any fixed number; it only has to be the same in every panel instance.
const MIGRATION_LOCK_ID = 727_001;

/** Several panel instances may start at once: an advisory lock lets one migrate at a time. */
async function migratePostgres(pool: Pool): Promise<void> {
  const connection = await pool.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(connection, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    connection.release();
  }
}

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is given, otherwise PGlite, the
 * embedded Postgres, in `pgliteDir` (`memory://` for a throwaway one in tests).
 */
export function openDatabase(options: { databaseUrl?: string; pgliteDir: string }): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, a failover, an administrator) is reported
    // here; without a listener node-postgres would crash the process. The pool opens a new one.
    pool.on("error", (error) =>
      logger.warn({ err: error }, "a database connection was closed by the server"),
    );
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(pool),
      close: () => pool.end(),
    };
  }
  const inMemory = options.pgliteDir.startsWith("memory://");
  if (!inMemory) mkdirSync(options.pgliteDir, { recursive: true });
  // The embedded database holds a reseller's users and audit log, not mail: 16 MB of buffers is
  // plenty, and PostgreSQL's default 128 MB would add that much to the panel's resident memory.
  const client = new PGlite(inMemory ? undefined : options.pgliteDir, {
    postgresqlconf: ["shared_buffers=16MB"],
  });
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
