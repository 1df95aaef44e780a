import { beforeEach, describe, expect, it, vi } from "vitest";
import { recordEnomRequest } from "@/lib/metrics/registry";

const env = vi.hoisted(() => ({ METRICS_TOKEN: undefined as string | undefined }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));

const { GET } = await import("./route");
const TOKEN = "metrics-token-for-tests-0123456789";
const scrape = (authorization?: string) =>
  GET(new Request("http://panel.test/api/metrics", authorization ? { headers: { authorization } } : {}));

describe("GET /api/metrics", () => {
  beforeEach(() => {
    env.METRICS_TOKEN = TOKEN;
  });

  it("does not exist while no METRICS_TOKEN is configured", async () => {
    env.METRICS_TOKEN = undefined;
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("refuses a missing or wrong token", async () => {
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape("Bearer not-the-token-at-all-0000")).status).toBe(401);
    expect(await (await scrape("Bearer wrong")).text()).not.toContain("mailpak_");
  });

  it("serves the Prometheus text format with the eNom histogram to the token's holder", async () => {
    recordEnomRequest({ command: "GetBalance", durationMs: 75, outcome: "ok", attempt: 1 });
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toContain(
      'mailpak_enom_request_duration_seconds_count{command="GetBalance",outcome="ok"} 1',
    );
    expect(body).toContain("# TYPE mailpak_http_request_duration_seconds histogram");
  });
});
