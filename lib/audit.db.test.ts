import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { auditLog, type AuditOutcome } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import {
  getAuditEntry,
  iterateAudit,
  listAudit,
  listAuditActions,
  recordAudit,
  type AuditFilter,
} from "./audit";

vi.mock("next/headers", () => import("@/test/next-headers-mock"));

interface Seed {
  at: string;
  actorEmail: string;
  action: string;
  outcome: AuditOutcome;
  domain?: string;
}

// Written oldest first, so ids grow with time as they do in the real log.
const seeds: Seed[] = [
  { at: "2026-04-30T23:59:59Z", actorEmail: "ann@reseller.test", action: "auth.sign-in", outcome: "ok" },
  {
    at: "2026-05-01T00:00:00Z",
    actorEmail: "ann@reseller.test",
    action: "mailbox.create",
    outcome: "ok",
    domain: "example.com",
  },
  {
    at: "2026-05-10T12:00:00Z",
    actorEmail: "bob@reseller.test",
    action: "mailbox.delete",
    outcome: "failed",
    domain: "example.com",
  },
  {
    at: "2026-05-20T08:30:00Z",
    actorEmail: "Bob@Reseller.test",
    action: "mailboxes.import",
    outcome: "unknown",
    domain: "shop.example.org",
  },
  {
    at: "2026-05-31T23:59:59Z",
    actorEmail: "carol_x@reseller.test",
    action: "pak.renew",
    outcome: "failed",
    domain: "example.net",
  },
  { at: "2026-06-01T00:00:00Z", actorEmail: "ann@reseller.test", action: "auth.sign-in", outcome: "failed" },
];

beforeAll(async () => {
  const db = await getDb();
  for (const seed of seeds) {
    await db.insert(auditLog).values({
      at: new Date(seed.at),
      actorEmail: seed.actorEmail,
      actorRole: "staff",
      action: seed.action,
      outcome: seed.outcome,
      domain: seed.domain ?? null,
      summary: `${seed.action} by ${seed.actorEmail}`,
    });
  }
});

async function actionsMatching(filter: AuditFilter): Promise<string[]> {
  const rows = await listAudit(filter, { limit: 100 });
  return rows.map((row) => `${row.action}@${row.at.toISOString().slice(0, 10)}`);
}

describe("filtering the audit log", () => {
  it("lists everything newest first without filters", async () => {
    const rows = await listAudit({}, { limit: 100 });
    expect(rows.map((row) => row.at.toISOString())).toEqual(
      seeds.map((seed) => new Date(seed.at).toISOString()).reverse(),
    );
  });

  it("finds an actor by any part of the email, whatever the case", async () => {
    expect(await actionsMatching({ actor: "BOB@" })).toEqual([
      "mailboxes.import@2026-05-20",
      "mailbox.delete@2026-05-10",
    ]);
  });

  it("takes % and _ in a filter literally", async () => {
    expect(await actionsMatching({ actor: "%" })).toEqual([]);
    expect(await actionsMatching({ actor: "l_x" })).toEqual(["pak.renew@2026-05-31"]);
    expect(await actionsMatching({ actor: "_" })).toEqual(["pak.renew@2026-05-31"]);
  });

  it("filters by domain", async () => {
    expect(await actionsMatching({ domain: "example.com" })).toEqual([
      "mailbox.delete@2026-05-10",
      "mailbox.create@2026-05-01",
    ]);
  });

  it("matches an action exactly, or a whole group by its first word", async () => {
    expect(await actionsMatching({ action: "mailbox.create" })).toEqual(["mailbox.create@2026-05-01"]);
    // "mailbox" is the group mailbox.*; mailboxes.import is another group.
    expect(await actionsMatching({ action: "mailbox" })).toEqual([
      "mailbox.delete@2026-05-10",
      "mailbox.create@2026-05-01",
    ]);
    expect(await actionsMatching({ action: "mailbox.cr" })).toEqual([]);
  });

  it("filters by outcome", async () => {
    expect(await actionsMatching({ outcome: "failed" })).toEqual([
      "auth.sign-in@2026-06-01",
      "pak.renew@2026-05-31",
      "mailbox.delete@2026-05-10",
    ]);
  });

  it("takes a date range that includes its start and excludes its end", async () => {
    const may = { from: new Date("2026-05-01T00:00:00Z"), to: new Date("2026-06-01T00:00:00Z") };
    expect(await actionsMatching(may)).toEqual([
      "pak.renew@2026-05-31",
      "mailboxes.import@2026-05-20",
      "mailbox.delete@2026-05-10",
      "mailbox.create@2026-05-01",
    ]);
  });

  it("combines filters", async () => {
    expect(await actionsMatching({ actor: "ann", action: "auth", outcome: "failed" })).toEqual([
      "auth.sign-in@2026-06-01",
    ]);
  });
});

describe("paging through the audit log", () => {
  it("goes back a page at a time with beforeId", async () => {
    const first = await listAudit({}, { limit: 4 });
    expect(first).toHaveLength(4);
    const older = await listAudit({}, { limit: 4, beforeId: first.at(-1)?.id });
    expect(older).toHaveLength(2);
    expect(new Set([...first, ...older].map((row) => row.id)).size).toBe(6);
    expect(older.every((row) => row.id < (first.at(-1)?.id ?? 0))).toBe(true);
  });

  it("pages within a filter", async () => {
    const first = await listAudit({ outcome: "failed" }, { limit: 2 });
    const rest = await listAudit({ outcome: "failed" }, { limit: 2, beforeId: first.at(-1)?.id });
    expect(rest.map((row) => row.action)).toEqual(["mailbox.delete"]);
  });

  it("iterates every matching entry for the export, up to a limit", async () => {
    const all = [];
    for await (const row of iterateAudit({ domain: "example" })) all.push(row.action);
    expect(all).toEqual(["pak.renew", "mailboxes.import", "mailbox.delete", "mailbox.create"]);
    const capped = [];
    for await (const row of iterateAudit({}, 3)) capped.push(row.id);
    expect(capped).toHaveLength(3);
  });

  it("lists the action names recorded so far, once each", async () => {
    expect(await listAuditActions()).toEqual([
      "auth.sign-in",
      "mailbox.create",
      "mailbox.delete",
      "mailboxes.import",
      "pak.renew",
    ]);
  });
});

describe("recording", () => {
  it("keeps the request's origin and drops secret-looking details", async () => {
    await recordAudit({
      actor: { id: null, email: "dan@reseller.test", role: "admin" },
      action: "user.reset-password",
      outcome: "ok",
      summary: "Reset a password",
      details: { newPassword: "hunter2-hunter2", nested: { totpSecret: "ABC" }, count: 1 },
    });
    const [row] = await listAudit({ actor: "dan@" }, { limit: 1 });
    expect(row).toMatchObject({ ip: "203.0.113.7", userAgent: "vitest", details: { nested: {}, count: 1 } });
    expect(JSON.stringify(row)).not.toContain("hunter2");
  });
});

describe("reading entries with the names behind them", () => {
  let entryId = 0;

  beforeAll(async () => {
    const actor = await createTestUser({ email: "erin@reseller.test", role: "staff", name: "Erin Example" });
    const target = await createTestUser({ email: "frank@reseller.test", role: "support" });
    const customer = await createTestCustomer("Quince Florists");
    const db = await getDb();
    const [row] = await db
      .insert(auditLog)
      .values({
        at: new Date("2026-07-01T09:00:00Z"),
        actorId: actor.id,
        actorEmail: actor.email,
        actorRole: "staff",
        action: "customer.update",
        outcome: "ok",
        targetCustomerId: customer.id,
        targetUserId: target.id,
        summary: "Edited Quince Florists",
        enomOrderId: "157772901",
        enomTrackingKey: "TK-77_A",
      })
      .returning({ id: auditLog.id });
    entryId = row?.id ?? 0;
  });

  it("gives the actor's name, the customer's name and the target user's email", async () => {
    const [row] = await listAudit({ actor: "erin@" }, { limit: 5 });
    expect(row).toMatchObject({
      id: entryId,
      actorName: "Erin Example",
      targetCustomerName: "Quince Florists",
      targetUserEmail: "frank@reseller.test",
    });
  });

  it("finds the actor by their name as well as their email", async () => {
    expect((await listAudit({ actor: "erin exa" }, { limit: 5 })).map((row) => row.id)).toEqual([entryId]);
    // An entry of someone without an account keeps no name, and the email still finds it.
    const [anonymous] = await listAudit({ actor: "carol_x" }, { limit: 5 });
    expect(anonymous).toMatchObject({ actorName: null, targetCustomerName: null, targetUserEmail: null });
  });

  it("searches free text in the summary, eNom's references, mailboxes and names", async () => {
    const ids = async (q: string) => (await listAudit({ q }, { limit: 100 })).map((row) => row.action);
    expect(await ids("157772901")).toEqual(["customer.update"]);
    expect(await ids("tk-77_a")).toEqual(["customer.update"]);
    expect(await ids("QUINCE")).toEqual(["customer.update"]);
    expect(await ids("pak.renew by")).toEqual(["pak.renew"]);
    // Taken literally: "_" is not a wildcard.
    expect(await ids("TK-77%")).toEqual([]);
    expect(await ids("nothing like this")).toEqual([]);
  });

  it("combines the free text with the other filters", async () => {
    expect(await listAudit({ q: "Quince", outcome: "failed" }, { limit: 5 })).toEqual([]);
    expect(await listAudit({ q: "Quince", action: "customer" }, { limit: 5 })).toHaveLength(1);
  });

  it("reads one entry by its number, and nothing for a number that was never given", async () => {
    expect(await getAuditEntry(entryId)).toMatchObject({ id: entryId, actorName: "Erin Example" });
    expect(await getAuditEntry(Number.MAX_SAFE_INTEGER)).toBeNull();
  });
});
