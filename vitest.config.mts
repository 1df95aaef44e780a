import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const postgresUrl = new URL(process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test");

function postgresListens(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: postgresUrl.hostname, port: Number(postgresUrl.port || 5432) });
    socket.setTimeout(1_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

// Database suites run on the PostgreSQL server beside the tests (CI has one). Elsewhere, without
// one, the run starts an embedded server (test/global-postgres.ts): the same engine either way.
const withPostgres = await postgresListens();
if (!withPostgres && process.env.CI)
  throw new Error(`PostgreSQL does not answer at ${postgresUrl.host}; CI runs every database test on it.`);

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // `server-only` throws outside React Server Components; tests are server code.
  "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
};
const exclude = ["node_modules/**", ".next/**", ".next-*/**", "e2e/**", "data/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["test/setup-env.ts"],
    // Database suites (`*.db.test.ts`): each file gets its own new database on PostgreSQL.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...exclude, "**/*.db.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "db:postgres",
          include: ["**/*.db.test.ts"],
          exclude,
          setupFiles: ["test/setup-db-postgres.ts"],
          ...(withPostgres ? {} : { globalSetup: ["test/global-postgres.ts"] }),
        },
      },
    ],
  },
});
