import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { mirrorDomains, mirrorMailboxes } from "@/lib/db/schema";
import type { SearchResponse } from "@/lib/search/model";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET } from "./route";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

let staff: SessionUser;
let bakeryOwner: SessionUser;

beforeAll(async () => {
  const bakery = await createTestCustomer("Bakery Ltd", ["bakery.test"]);
  await createTestCustomer("Florist", ["florist.test"]);
  staff = await createTestUser({ email: "ann@reseller.test", role: "staff" });
  bakeryOwner = await createTestUser({ email: "owner@bakery.test", role: "customer", customerId: bakery.id });
  const db = await getDb();
  const readAt = new Date("2026-06-01T08:00:00Z");
  await db.insert(mirrorDomains).values([
    { domain: "bakery.test", hasEmail: true, emailReadAt: readAt },
    { domain: "florist.test", hasEmail: true, emailReadAt: readAt },
  ]);
  await db.insert(mirrorMailboxes).values(
    ["bakery.test", "florist.test"].flatMap((domain) =>
      ["info", "sales", "office"].map((userName) => ({
        domain,
        userName,
        address: `${userName}@${domain}`,
        isAdmin: userName === "info",
        quotaMb: 1024,
        quotaUsedMb: 10,
        readAt,
      })),
    ),
  );
});

beforeEach(() => signInAs(null));

async function get(query: string): Promise<{ status: number; body: SearchResponse }> {
  const response = await GET(new NextRequest(`http://localhost/api/search${query}`));
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: (await response.json()) as SearchResponse };
}

function addresses(body: SearchResponse): string[] {
  if (!body.ok) throw new Error(body.message);
  return body.data.results.map((result) => (result.kind === "mailbox" ? result.address : result.domain));
}

describe("GET /api/search", () => {
  it("answers 401 to a signed-out caller", async () => {
    const { status, body } = await get("?q=info");
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, message: expect.stringContaining("Sign in") });
  });

  it.each([
    ["", "Type something to search for, or choose a filter."],
    ["?q=%20%20", "Type something to search for, or choose a filter."],
    ["?q=info&filter=everything", "Choose a filter from the list"],
    [`?q=${"a".repeat(101)}`, "Search for at most 100 characters."],
    ["?q=info&limit=500", "The page size is at most 50."],
    ["?q=info&limit=two", "The page size must be a number."],
    ["?q=info&cursor=not%20a%20cursor", "This page of results is no longer valid"],
    ["?q=info&cursor=bm90LWEtY3Vyc29y", "This page of results is no longer valid"],
  ])("answers 400 with a message to %j", async (query, message) => {
    signInAs(staff);
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it("searches the whole account for staff, with paging", async () => {
    signInAs(staff);
    const first = await get("?q=info&limit=1");
    expect(first.status).toBe(200);
    expect(addresses(first.body)).toEqual(["info@bakery.test"]);
    if (!first.body.ok || !first.body.data.nextCursor) throw new Error("expected a next page");
    expect(first.body.data.freshness).toMatchObject({ unreadDomains: 0 });

    const second = await get(`?q=info&limit=1&cursor=${first.body.data.nextCursor}`);
    expect(addresses(second.body)).toEqual(["info@florist.test"]);
    if (!second.body.ok) throw new Error(second.body.message);
    expect(second.body.data.nextCursor).toBeNull();
    expect(second.body.data.freshness).toBeNull();
  });

  it("keeps a customer to their own domains, also through a filter", async () => {
    signInAs(bakeryOwner);
    expect(addresses((await get("?q=bakery")).body)).toEqual([
      "bakery.test",
      "info@bakery.test",
      "office@bakery.test",
      "sales@bakery.test",
    ]);
    expect(addresses((await get("?filter=admins")).body)).toEqual(["info@bakery.test"]);
    expect(addresses((await get("?q=florist")).body)).toEqual([]);
  });
});
