import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/databases";
import { appSettings } from "./schema";

describe("the database", () => {
  it("migrates and stores settings", async () => {
    const { handle, drop } = await createTestDatabase();
    try {
      expect(handle.kind).toBe("postgres");
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
    const { handle, drop } = await createTestDatabase();
    try {
      await handle.migrate();
      await handle.migrate();
      expect(await handle.db.$count(appSettings)).toBe(0);
    } finally {
      await drop();
    }
  });
});
