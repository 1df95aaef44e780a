import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { EnomMetric } from "@/lib/enom/types";

/**
 * The panel's Prometheus metrics (GET /api/metrics): eNom latency and errors per command, and the
 * latency of route handlers and server actions. One registry per process, kept on globalThis so
 * that every route bundle and the instrumentation hook write to the same one.
 */
export interface PanelMetrics {
  registry: Registry;
  enomDuration: Histogram<"command" | "outcome">;
  enomErrors: Counter<"command" | "outcome">;
  httpDuration: Histogram<"route" | "method" | "status">;
}

/** eNom answers in tens of milliseconds to tens of seconds (the client's timeout is 30 s). */
const ENOM_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A fresh registry; `defaults` adds Node's process metrics (CPU, memory, event loop lag). */
export function createPanelMetrics({ defaults = false }: { defaults?: boolean } = {}): PanelMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: "mailpak_" });
  return {
    registry,
    enomDuration: new Histogram({
      name: "mailpak_enom_request_duration_seconds",
      help: "Time from sending a request to eNom to reading its answer, per command and outcome (ok, enom-error, unavailable).",
      labelNames: ["command", "outcome"],
      buckets: ENOM_BUCKETS,
      registers: [registry],
    }),
    enomErrors: new Counter({
      name: "mailpak_enom_errors_total",
      help: "eNom requests that failed, per command: enom-error (eNom refused) or unavailable (no usable answer).",
      labelNames: ["command", "outcome"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "mailpak_http_request_duration_seconds",
      help: "Latency of the panel's route handlers and server actions (route action:<name>). An action's status is the HTTP status its result stands for: 200 done, 400 invalid input, 401/403/404 refused, 409 rule, 422 failed, 500 error.",
      labelNames: ["route", "method", "status"],
      buckets: HTTP_BUCKETS,
      registers: [registry],
    }),
  };
}

const globalForMetrics = globalThis as unknown as { mailpakMetrics?: PanelMetrics };

export function getMetrics(): PanelMetrics {
  globalForMetrics.mailpakMetrics ??= createPanelMetrics({ defaults: true });
  return globalForMetrics.mailpakMetrics;
}

/** The eNom client's onMetric hook: one observation per request sent (retries included). */
export function recordEnomRequest(metric: EnomMetric, metrics: PanelMetrics = getMetrics()): void {
  const labels = { command: metric.command, outcome: metric.outcome };
  metrics.enomDuration.observe(labels, metric.durationMs / 1000);
  if (metric.outcome !== "ok") metrics.enomErrors.inc(labels);
}

export interface HttpObservation {
  /** The route's pattern (`/api/domains/[domain]/email`) or `action:<name>`, never a raw URL. */
  route: string;
  method: string;
  status: number;
  seconds: number;
}

export function recordHttpRequest(observation: HttpObservation, metrics: PanelMetrics = getMetrics()): void {
  const { route, method, status, seconds } = observation;
  metrics.httpDuration.observe({ route, method: method.toUpperCase(), status: String(status) }, seconds);
}
