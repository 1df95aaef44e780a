import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";

/** The PostgreSQL server that runs beside the tests (DEVELOPERS.md); TEST_POSTGRES_URL overrides. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL half of a suite runs. In CI a missing server is a failure, never a skip;
 * elsewhere the suite says plainly that it skipped.
 */
export async function shouldTestPostgres(): Promise<boolean> {
  if (await postgresAnswers()) return true;
  if (process.env.CI) throw new Error(`PostgreSQL does not answer at ${TEST_POSTGRES_URL}; CI needs it.`);
  console.warn(
    `PostgreSQL does not answer at ${TEST_POSTGRES_URL}: its half of the database tests is skipped.`,
  );
  return false;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database of either kind: PGlite in memory, or a new database on the server. */
export async function createTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = openDatabase({ pgliteDir: "memory://" });
    await handle.migrate();
    return { handle, drop: () => handle.close() };
  }
  const name = `mailpak_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), pgliteDir: "memory://" });
  await handle.migrate();
  return {
    handle,
    drop: async () => {
      await handle.close();
      const cleanup = new Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
