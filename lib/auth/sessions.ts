import "server-only";
import { eq, lt } from "drizzle-orm";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";
import { getDb } from "@/lib/db";
import { endedSessions } from "@/lib/db/schema";

/**
 * Ends one session for good (sign-out): its id is refused from now on, on every panel instance.
 * Rows whose token has expired anyway are cleared on the way.
 */
export async function endSession(values: {
  sessionId: string;
  userId: string;
  expiresAt: Date;
}): Promise<void> {
  const db = await getDb();
  await db.insert(endedSessions).values(values).onConflictDoNothing();
  await db.delete(endedSessions).where(lt(endedSessions.expiresAt, new Date()));
  forgetSessionUser(values.userId);
}

export async function isSessionEnded(sessionId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ sessionId: endedSessions.sessionId })
    .from(endedSessions)
    .where(eq(endedSessions.sessionId, sessionId))
    .limit(1);
  return row !== undefined;
}
