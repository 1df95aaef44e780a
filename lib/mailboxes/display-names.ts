import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { mailboxDisplayNames } from "@/lib/db/schema";

/**
 * The display names Mailpak gave mailboxes (eNom never returns them). Keys are the domain and the
 * user name, both lower-cased, as eNom compares them.
 */

export async function listDisplayNames(domain: string): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = await db
    .select({ userName: mailboxDisplayNames.userName, displayName: mailboxDisplayNames.displayName })
    .from(mailboxDisplayNames)
    .where(eq(mailboxDisplayNames.domain, domain.toLowerCase()));
  return new Map(rows.map((row) => [row.userName, row.displayName]));
}

/**
 * After eNom confirmed new mailboxes: their names as given, and no name for those created without
 * one (a row left from an earlier mailbox of the same name would be wrong).
 */
export async function recordCreatedMailboxes(
  domain: string,
  mailboxes: readonly { userName: string; displayName: string }[],
  setBy: string | null,
): Promise<void> {
  if (mailboxes.length === 0) return;
  const db = await getDb();
  const key = domain.toLowerCase();
  const named = mailboxes.filter((mailbox) => mailbox.displayName.trim() !== "");
  const unnamed = mailboxes.filter((mailbox) => mailbox.displayName.trim() === "");
  await db.transaction(async (tx) => {
    if (named.length)
      await tx
        .insert(mailboxDisplayNames)
        .values(
          named.map((mailbox) => ({
            domain: key,
            userName: mailbox.userName.toLowerCase(),
            displayName: mailbox.displayName.trim(),
            setBy,
          })),
        )
        .onConflictDoUpdate({
          target: [mailboxDisplayNames.domain, mailboxDisplayNames.userName],
          set: {
            displayName: sql`excluded.display_name`,
            setBy: sql`excluded.set_by`,
            updatedAt: sql`now()`,
          },
        });
    if (unnamed.length)
      await tx.delete(mailboxDisplayNames).where(
        and(
          eq(mailboxDisplayNames.domain, key),
          inArray(
            mailboxDisplayNames.userName,
            unnamed.map((mailbox) => mailbox.userName.toLowerCase()),
          ),
        ),
      );
  });
}

/** After eNom confirmed mailboxes deleted. */
export async function forgetDisplayNames(domain: string, userNames: readonly string[]): Promise<void> {
  if (userNames.length === 0) return;
  const db = await getDb();
  await db.delete(mailboxDisplayNames).where(
    and(
      eq(mailboxDisplayNames.domain, domain.toLowerCase()),
      inArray(
        mailboxDisplayNames.userName,
        userNames.map((name) => name.toLowerCase()),
      ),
    ),
  );
}

/**
 * The name the panel shows for one mailbox, set by hand (eNom cannot change it after creation).
 * An empty name is kept as a row too: the panel then shows "None", not "Not known". Returns the
 * name shown before (null: none was known), for the audit log.
 */
export async function setDisplayName(
  domain: string,
  userName: string,
  displayName: string,
  setBy: string | null,
): Promise<{ before: string | null }> {
  const db = await getDb();
  const key = { domain: domain.toLowerCase(), userName: userName.toLowerCase() };
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ displayName: mailboxDisplayNames.displayName })
      .from(mailboxDisplayNames)
      .where(and(eq(mailboxDisplayNames.domain, key.domain), eq(mailboxDisplayNames.userName, key.userName)))
      .for("update");
    await tx
      .insert(mailboxDisplayNames)
      .values({ ...key, displayName: displayName.trim(), setBy })
      .onConflictDoUpdate({
        target: [mailboxDisplayNames.domain, mailboxDisplayNames.userName],
        set: { displayName: displayName.trim(), setBy, updatedAt: sql`now()` },
      });
    return { before: previous?.displayName ?? null };
  });
}
