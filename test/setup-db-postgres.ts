// Each test file gets its own new database on the PostgreSQL server, dropped afterwards.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, inject } from "vitest";

// An embedded server started for this run (test/global-postgres.ts) wins over the default.
const provided = inject("testPostgresUrl");
if (provided) process.env.TEST_POSTGRES_URL = provided;
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const name = `mailpak_test_${randomBytes(6).toString("hex")}`;

const admin = new Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();

const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  const { getDatabaseHandle } = await import("@/lib/db");
  await (await getDatabaseHandle()).close();
  const cleanup = new Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${name} with (force)`);
  await cleanup.end();
});
