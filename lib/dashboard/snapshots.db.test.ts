import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { accountSnapshots, mirrorDomains, mirrorMailboxes, mirrorPaks } from "@/lib/db/schema";
import { ensureTodaysSnapshot, loadGrowthPoints, recordAccountSnapshot } from "./snapshots";

/** The account's size once a day: the first snapshot of a day stands, the next day gets its own. */

const READ_AT = new Date("2026-06-01T03:00:00Z");

async function seed(mailboxes: number) {
  const db = await getDb();
  await db
    .insert(mirrorDomains)
    .values({ domain: "a.test", hasEmail: true, emailReadAt: READ_AT, pakCount: 1 })
    .onConflictDoNothing();
  await db
    .insert(mirrorPaks)
    .values({
      domain: "a.test",
      bundleId: 1,
      expires: "2027-01-01",
      autoRenew: true,
      purchased: 10,
      available: 10 - mailboxes,
      readAt: READ_AT,
    })
    .onConflictDoUpdate({
      target: [mirrorPaks.domain, mirrorPaks.bundleId],
      set: { available: 10 - mailboxes },
    });
  await db.delete(mirrorMailboxes);
  if (mailboxes)
    await db.insert(mirrorMailboxes).values(
      Array.from({ length: mailboxes }, (_, i) => ({
        domain: "a.test",
        userName: `m${i}`,
        address: `m${i}@a.test`,
        isAdmin: false,
        quotaMb: 1024,
        quotaUsedMb: 10,
        readAt: READ_AT,
      })),
    );
}

describe("recordAccountSnapshot", () => {
  it("records the day once, from the mirror, and the next day again", async () => {
    await seed(2);
    expect(await recordAccountSnapshot(new Date("2026-06-01T02:30:00Z"))).toBe(true);
    await seed(3);
    // A second sync the same day (or a second instance) leaves the day's snapshot as it was.
    expect(await recordAccountSnapshot(new Date("2026-06-01T23:59:00Z"))).toBe(false);
    await ensureTodaysSnapshot(new Date("2026-06-01T12:00:00Z"));
    expect(await recordAccountSnapshot(new Date("2026-06-02T02:30:00Z"))).toBe(true);

    const db = await getDb();
    const rows = await db.select().from(accountSnapshots).orderBy(accountSnapshots.day);
    expect(rows.map(({ takenAt: _takenAt, ...row }) => row)).toEqual([
      {
        day: "2026-06-01",
        domains: 1,
        domainsWithEmail: 1,
        paks: 1,
        mailboxes: 2,
        mailboxesPurchased: 10,
        storageUsedMb: 20,
      },
      {
        day: "2026-06-02",
        domains: 1,
        domainsWithEmail: 1,
        paks: 1,
        mailboxes: 3,
        mailboxesPurchased: 10,
        storageUsedMb: 30,
      },
    ]);
  });

  it("is taken by the dashboard on a day that has none", async () => {
    await ensureTodaysSnapshot(new Date("2026-06-03T09:00:00Z"));
    const points = await loadGrowthPoints(new Date("2026-06-03T09:00:00Z"));
    expect(points.map((point) => [point.day, point.mailboxes])).toEqual([
      ["2026-06-01", 2],
      ["2026-06-02", 3],
      ["2026-06-03", 3],
    ]);
    // A year back, no further.
    expect(await loadGrowthPoints(new Date("2027-06-03T09:00:00Z"))).toHaveLength(1);
  });
});
