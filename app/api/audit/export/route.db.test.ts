import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET } from "./route";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

let staff: SessionUser;
let customerUser: SessionUser;

beforeAll(async () => {
  staff = await createTestUser({ email: "auditor@reseller.test", role: "staff" });
  const customer = await createTestCustomer("Bakery Ltd", ["bakery.test"]);
  customerUser = await createTestUser({
    email: "owner@bakery.test",
    role: "customer",
    customerId: customer.id,
  });
  const db = await getDb();
  await db.insert(auditLog).values([
    {
      at: new Date("2026-05-01T10:00:00Z"),
      actorEmail: "ann@reseller.test",
      actorRole: "staff",
      action: "mailbox.create",
      outcome: "ok",
      domain: "bakery.test",
      summary: "Created info@bakery.test",
      enomTrackingKey: "TK-100",
    },
    {
      at: new Date("2026-05-02T10:00:00Z"),
      actorEmail: "ann@reseller.test",
      actorRole: "staff",
      action: "mailbox.delete",
      outcome: "failed",
      domain: "bakery.test",
      summary: '=HYPERLINK("http://evil.test")',
      enomError: 'Domain, "bakery.test", is locked',
    },
    {
      at: new Date("2026-05-03T10:00:00Z"),
      actorEmail: "bob@reseller.test",
      actorRole: "admin",
      action: "pak.renew",
      outcome: "failed",
      domain: "florist.test",
      summary: "Renewal failed",
    },
  ]);
});

beforeEach(() => signInAs(null));

function exportRequest(query = ""): NextRequest {
  return new NextRequest(`http://localhost/api/audit/export${query}`);
}

describe("GET /api/audit/export", () => {
  it("answers 401 to a signed-out caller", async () => {
    const response = await GET(exportRequest());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("Sign in") });
  });

  it("answers 404 to a customer, as if there were no audit log", async () => {
    signInAs(customerUser);
    const response = await GET(exportRequest());
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("bakery.test");
  });

  it("streams the filtered log as a CSV download, newest first, with hostile text defused", async () => {
    signInAs(staff);
    const response = await GET(exportRequest("?domain=bakery.test&from=2026-05-01&to=2026-05-31"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="mailpak-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");

    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte order mark first, for Excel (Response.text() would hide it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("id,time_utc,actor_email,")).toBe(true);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(lines[1]).toContain(`"Domain, ""bakery.test"", is locked"`);
    expect(lines[2]).toContain("mailbox.create,ok,bakery.test,,,Created info@bakery.test,TK-100");
    expect(text).not.toContain("florist.test");
  });

  it("applies the action and outcome filters the page uses", async () => {
    signInAs(staff);
    const text = await (await GET(exportRequest("?action=mailbox&outcome=failed"))).text();
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("mailbox.delete,failed");
  });

  it("applies the page's free-text search, and ignores the page and the entry open on it", async () => {
    signInAs(staff);
    const text = await (await GET(exportRequest("?q=locked&before=999999&entry=1"))).text();
    const lines = text.split("\r\n").filter(Boolean);
    // The export's own entry names its search, so it is found too, newest first.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("audit.export,ok");
    expect(lines[2]).toContain("mailbox.delete,failed");
    const [entry] = await listAudit({ actor: staff.email, action: "audit.export" }, { limit: 1 });
    expect(entry?.summary).toBe("Downloaded the audit log as CSV (q=locked)");
  });

  it("refuses filters it cannot read rather than exporting everything", async () => {
    signInAs(staff);
    const response = await GET(exportRequest("?from=yesterday"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { from: ["Enter a date like 2026-05-31."] } });
  });

  it("records who exported what", async () => {
    signInAs(staff);
    await (await GET(exportRequest("?outcome=failed"))).text();
    const [entry] = await listAudit({ actor: staff.email, action: "audit.export" }, { limit: 1 });
    expect(entry).toMatchObject({
      outcome: "ok",
      actorRole: "staff",
      summary: "Downloaded the audit log as CSV (outcome=failed)",
    });
  });
});
