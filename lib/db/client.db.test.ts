import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, shouldTestPostgres } from "@/test/databases";
import { appSettings } from "./schema";

const kinds = ["pglite", ...((await shouldTestPostgres()) ? ["postgres" as const] : [])] as const;

describe.each(kinds)("the database on %s", (kind) => {
  it("migrates and stores settings", async () => {
    const { handle, drop } = await createTestDatabase(kind);
    try {
      expect(handle.kind).toBe(kind);
      await handle.db.insert(appSettings).values({ key: "brand", value: { productName: "Acme Mail" } });
      const rows = await handle.db.select().from(appSettings).where(eq(appSettings.key, "brand"));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.value).toEqual({ productName: "Acme Mail" });
      expect(rows[0]?.updatedAt).toBeInstanceOf(Date);
    } finally {
      await drop();
    }
  });

  it("runs migrations again without harm (every start runs them)", async () => {
    const { handle, drop } = await createTestDatabase(kind);
    try {
      await handle.migrate();
      await handle.migrate();
      expect(await handle.db.$count(appSettings)).toBe(0);
    } finally {
      await drop();
    }
  });
});
