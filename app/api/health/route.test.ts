import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { HealthReport } from "@/lib/health";

const state = vi.hoisted(() => ({
  env: { METRICS_TOKEN: undefined as string | undefined },
  user: null as Pick<SessionUser, "role"> | null,
}));
vi.mock("@/lib/env", () => ({ getEnv: () => state.env }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/lib/health", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/health")>()),
  checkHealth: async (): Promise<HealthReport> => ({
    status: "ok",
    version: "1.4.0",
    checks: {
      database: { ok: true, latencyMs: 1, kind: "postgres" },
      enom: { ok: true, latencyMs: 20, mode: "live" },
    },
  }),
}));

const { GET } = await import("./route");
const TOKEN = "metrics-token-for-tests-0123456789";
const check = async (authorization?: string) => {
  const response = await GET(
    new Request("http://panel.test/api/health", authorization ? { headers: { authorization } } : {}),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("GET /api/health", () => {
  beforeEach(() => {
    state.env.METRICS_TOKEN = TOKEN;
    state.user = null;
  });

  it("tells an anonymous caller only whether the panel is well", async () => {
    expect(await check()).toEqual({ status: 200, body: { ok: true, status: "ok" } });
    expect(await check("Bearer not-the-token-at-all-0000")).toEqual({
      status: 200,
      body: { ok: true, status: "ok" },
    });
    state.user = { role: "customer" };
    expect((await check()).body).toEqual({ ok: true, status: "ok" });
  });

  it("shows the version, database and eNom details to staff and to the metrics token", async () => {
    state.user = { role: "staff" };
    expect((await check()).body).toMatchObject({ version: "1.4.0", checks: { enom: { mode: "live" } } });
    state.user = null;
    expect((await check(`Bearer ${TOKEN}`)).body).toMatchObject({
      version: "1.4.0",
      checks: { database: { kind: "postgres" } },
    });
  });
});
