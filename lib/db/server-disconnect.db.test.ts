import { sql } from "drizzle-orm";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const url = process.env.DATABASE_URL ?? "";

// Without a listener on the pool, node-postgres turns a connection the server ends into an
// uncaught exception: the panel would crash on a database restart (and Vitest fails the run).
describe.runIf(Boolean(url))("a PostgreSQL connection ended by the server", () => {
  it("is reported, not thrown, and the next query gets a new connection", async () => {
    const handle = openDatabase({ databaseUrl: url });
    try {
      await handle.db.execute(sql`select 1`);
      const admin = new Client({ connectionString: url });
      await admin.connect();
      const ended = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const result = (await handle.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] };
      expect(result.rows[0]).toEqual({ one: 1 });
    } finally {
      await handle.close();
    }
  });
});
