import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCsv } from "@/lib/csv";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { EXPIRATIONS_CSV_HEADER } from "@/lib/expirations/csv";
import { backgroundReadsSettled } from "@/lib/mirror/freshness";
import { runFullSync } from "@/lib/mirror/sync";
import { simHarness } from "@/test/sim-harness";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { testEnom as enom } from "@/test/enom-mock";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { GET } from "./route";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let staff: SessionUser;
let customerUser: SessionUser;
let owned: string;
const harness = simHarness(() => sim);

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  const { paks } = await enom.client.getPopExpirations();
  owned = paks[0]?.domainName ?? "";
  staff = await createTestUser({ email: "exporter@reseller.test", role: "staff" });
  const customer = await createTestCustomer("=Evil Co", [owned]);
  customerUser = await createTestUser({
    email: "owner@evil.test",
    role: "customer",
    customerId: customer.id,
  });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await fetch(`${sim.origin}/_sim/faults`, { method: "DELETE" });
  signInAs(null);
});

const exportRequest = (query = "") => new NextRequest(`http://panel.test/api/expirations/export${query}`);

describe("GET /api/expirations/export", () => {
  it("asks to try again while the account is read for the first time, rather than download a part", async () => {
    signInAs(staff);
    // The first sync this download starts fails (eNom down), so the mirror stays empty.
    await harness.arm({ command: "*", mode: "http500" });
    const response = await GET(exportRequest());
    await backgroundReadsSettled();
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Reading your account from eNom/);
    await harness.clearFaults();
    await runFullSync();
  });

  it("downloads every pak matching the filter as CSV, customers' names neutralised", async () => {
    signInAs(staff);
    const all = await GET(exportRequest());
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(all.headers.get("content-disposition")).toMatch(
      /^attachment; filename="pak-expirations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const { records } = parseCsv(await all.text());
    const [header, ...rows] = records;
    expect(header).toEqual([...EXPIRATIONS_CSV_HEADER]);
    const { paks } = await createEnomClient({
      baseUrl: sim.url,
      uid: "resellid",
      pw: "resellpw",
    }).getPopExpirations();
    expect(rows).toHaveLength(paks.length);
    expect(rows.find((row) => row[0] === owned)?.[1]).toBe("'=Evil Co");
    // Each pak's size and auto-renew, read from its domain's GetPOP3 (GetPOPExpirations has neither).
    const mailboxes = header?.indexOf("Mailboxes") ?? -1;
    const autoRenew = header?.indexOf("Auto-renew") ?? -1;
    for (const row of rows) {
      expect(row[mailboxes]).toMatch(/^\d+$/);
      expect(row[autoRenew]).toMatch(/^(On|Off)$/);
    }

    const expired = await GET(exportRequest("?filter=expired&page=2"));
    expect(expired.headers.get("content-disposition")).toMatch(/paks-expired-/);
    const expiredRows = parseCsv(await expired.text()).records.slice(1);
    expect(expiredRows.length).toBeGreaterThan(0);
    expect(expiredRows.length).toBeLessThan(rows.length);
    for (const row of expiredRows) expect(row[6]).toBe("Expired");
  });

  it("is not found for a customer and asks a signed-out caller to sign in", async () => {
    signInAs(customerUser);
    expect((await GET(exportRequest())).status).toBe(404);
    signInAs(null);
    expect((await GET(exportRequest())).status).toBe(401);
  });

  it("downloads from the account mirror without asking eNom, even while eNom is down", async () => {
    signInAs(staff);
    const before = await harness.lastSeq();
    await harness.arm({ command: "*", mode: "http500" });
    const response = await GET(exportRequest());
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text()).records.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // The only calls are the background reads of domains, never one the download waited for.
    await backgroundReadsSettled();
    expect((await harness.calls(before)).map((call) => call.command.toUpperCase())).toEqual([]);
  });
});
