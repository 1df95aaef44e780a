import { describe, expect, it } from "vitest";
import { createPanelMetrics, getMetrics, recordEnomRequest, recordHttpRequest } from "./registry";

describe("the metrics registry", () => {
  it("records eNom latency per command and outcome, and counts failures per command", async () => {
    const metrics = createPanelMetrics();
    recordEnomRequest({ command: "GetPOP3", durationMs: 120, outcome: "ok", attempt: 1 }, metrics);
    recordEnomRequest({ command: "GetPOP3", durationMs: 40, outcome: "unavailable", attempt: 1 }, metrics);
    recordEnomRequest(
      { command: "GetPOP3", durationMs: 30_000, outcome: "unavailable", attempt: 2 },
      metrics,
    );
    recordEnomRequest(
      { command: "PurchaseServices", durationMs: 800, outcome: "enom-error", attempt: 1 },
      metrics,
    );

    const text = await metrics.registry.metrics();
    expect(text).toContain("# TYPE mailpak_enom_request_duration_seconds histogram");
    expect(text).toContain('mailpak_enom_request_duration_seconds_count{command="GetPOP3",outcome="ok"} 1');
    expect(text).toContain(
      'mailpak_enom_request_duration_seconds_bucket{le="0.25",command="GetPOP3",outcome="ok"} 1',
    );
    expect(text).toContain(
      'mailpak_enom_request_duration_seconds_bucket{le="0.1",command="GetPOP3",outcome="ok"} 0',
    );
    expect(text).toContain(
      'mailpak_enom_request_duration_seconds_sum{command="GetPOP3",outcome="unavailable"} 30.04',
    );
    expect(text).toContain('mailpak_enom_errors_total{command="GetPOP3",outcome="unavailable"} 2');
    expect(text).toContain('mailpak_enom_errors_total{command="PurchaseServices",outcome="enom-error"} 1');
    expect(text).not.toMatch(/mailpak_enom_errors_total\{[^}]*outcome="ok"/);
  });

  it("records panel request latency by route pattern, method and status", async () => {
    const metrics = createPanelMetrics();
    recordHttpRequest({ route: "/api/health", method: "get", status: 200, seconds: 0.004 }, metrics);
    recordHttpRequest({ route: "action:mailbox.create", method: "POST", status: 422, seconds: 1.2 }, metrics);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'mailpak_http_request_duration_seconds_count{route="/api/health",method="GET",status="200"} 1',
    );
    expect(text).toContain(
      'mailpak_http_request_duration_seconds_bucket{le="2.5",route="action:mailbox.create",method="POST",status="422"} 1',
    );
  });

  it("is one registry per process, with Node's process metrics", async () => {
    expect(getMetrics()).toBe(getMetrics());
    expect(await getMetrics().registry.metrics()).toContain("mailpak_process_cpu_seconds_total");
  });
});
