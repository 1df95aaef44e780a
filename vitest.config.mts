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

const withPostgres = await postgresListens();
if (!withPostgres) {
  if (process.env.CI)
    throw new Error(`PostgreSQL does not answer at ${postgresUrl.host}; CI runs every database test on it.`);
  console.warn(
    `\n  PostgreSQL does not answer at ${postgresUrl.host}: the database tests run on PGlite only.\n`,
  );
}

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
    // Database suites (`*.db.test.ts`) run once on embedded PGlite and once on the PostgreSQL server.
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
          name: "db:pglite",
          include: ["**/*.db.test.ts"],
          exclude,
          setupFiles: ["test/setup-db-pglite.ts"],
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true,
              test: {
                name: "db:postgres",
                include: ["**/*.db.test.ts"],
                exclude,
                setupFiles: ["test/setup-db-postgres.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
