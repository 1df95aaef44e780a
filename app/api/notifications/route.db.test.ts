import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NotificationsResponse } from "@/lib/notifications/model";
import { notifyStaff } from "@/lib/notifications/notify";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET } from "./route";

/** The bell's GET route: the caller's own count and newest notifications; nobody else's, no customer's. */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

let staff: SessionUser;
let customerLogin: SessionUser;

beforeAll(async () => {
  staff = await createTestUser({ email: "sam@reseller.test", role: "staff" });
  const bakery = await createTestCustomer("Bakery Ltd", ["a.test"]);
  customerLogin = await createTestUser({ email: "owner@a.test", role: "customer", customerId: bakery.id });
  for (let i = 1; i <= 7; i += 1)
    await notifyStaff({ kind: "customer-purchase", title: `Purchase ${i}`, dedupeKey: `route:${i}` });
});

afterAll(() => signInAs(null));

async function read() {
  const response = await GET(new Request("http://panel.test/api/notifications"));
  return {
    status: response.status,
    cache: response.headers.get("cache-control"),
    body: (await response.json()) as NotificationsResponse,
  };
}

describe("GET /api/notifications", () => {
  it("answers the unread count and the newest five, never kept by a cache", async () => {
    signInAs(staff);
    const { status, cache, body } = await read();
    expect(status).toBe(200);
    expect(cache).toBe("no-store");
    if (!body.ok) throw new Error(body.message);
    expect(body.data.unread).toBe(7);
    expect(body.data.latest.map((item) => item.title)).toEqual([
      "Purchase 7",
      "Purchase 6",
      "Purchase 5",
      "Purchase 4",
      "Purchase 3",
    ]);
  });

  it("is 401 without a session and 404 for a customer", async () => {
    signInAs(null);
    expect((await read()).status).toBe(401);
    signInAs(customerLogin);
    const { status, body } = await read();
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, message: "That page was not found." });
  });
});
