import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";

/**
 * The PostgreSQL server the database tests run on: TEST_POSTGRES_URL, else the one beside the
 * tests (127.0.0.1:5432, DEVELOPERS.md), else an embedded server the test run started
 * (test/global-postgres.ts sets TEST_POSTGRES_URL to it).
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A new, migrated database on the test server, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `mailpak_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString() });
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
