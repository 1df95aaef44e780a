import "server-only";
import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { logger } from "@/lib/logger";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  /** The connection string (also for the job engine, which keeps its own pool). */
  url: string;
  /** The embedded server started by the panel, or a server of the operator's (`DATABASE_URL`). */
  kind: "embedded" | "postgres";
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

/** Opens a PostgreSQL database with node-postgres, the one driver of tests, the demo and production. */
export function openDatabase(options: {
  databaseUrl: string;
  kind?: DatabaseHandle["kind"];
  /** Run when the handle closes, after the pool (the embedded server stops here). */
  onClose?: () => Promise<void>;
}): DatabaseHandle {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
  // An idle connection the server ends (a restart, a failover, an administrator) is reported
  // here; without a listener node-postgres would crash the process. The pool opens a new one.
  pool.on("error", (error) => logger.warn({ err: error }, "a database connection was closed by the server"));
  const db = drizzlePg(pool, { schema });
  return {
    db,
    url: options.databaseUrl,
    kind: options.kind ?? "postgres",
    migrate: () => migratePostgres(pool),
    close: async () => {
      await pool.end();
      await options.onClose?.();
    },
  };
}
