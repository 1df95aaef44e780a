import { desc, gt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

/** The newest audit entry's id, so a test can read just the entries its own step wrote. */
export async function lastAuditId(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0;
}

/** Audit entries written after `id`, oldest first. */
export async function auditAfter(id: number) {
  const db = await getDb();
  return db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id);
}
