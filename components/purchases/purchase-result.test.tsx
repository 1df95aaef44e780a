import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AttemptView, PurchaseResultView } from "@/lib/purchases/types";
import { queryKeys } from "@/lib/query-keys";
import { nextOrderPoll } from "./purchase-reads";
import { currentViews, PurchaseResult, withAttempt } from "./purchase-result";

const BATCH = "5b0c7a52-9f7e-4f43-9d0c-2f1f7b8f4a10";

function pak(bundleId: number, status: AttemptView["status"], extra: Partial<AttemptView> = {}): AttemptView {
  return {
    key: `${BATCH}:${bundleId}`,
    kind: "renew",
    status,
    reconciliation: null,
    domain: "example.test",
    bundleId,
    orderId: null,
    trackingKey: null,
    message: "",
    summary: `Renew pak ${bundleId} of example.test for 1 year`,
    retailCents: 1200,
    costCents: null,
    newExpiry: null,
    createdAt: "2025-03-01T12:00:00.000Z",
    replayed: false,
    earlier: null,
    ...extra,
  };
}

const order = (...attempts: AttemptView[]): PurchaseResultView => ({
  attempts,
  isBatch: true,
  runId: "run-1",
});
const polled = (data: PurchaseResultView | undefined, dataUpdateCount = 1, errorUpdateCount = 0) =>
  nextOrderPoll({ data, dataUpdateCount, errorUpdateCount }, 5_000, 10);

describe("the result page's one poll of the whole order", () => {
  it("reads again while any pak is pending, and stops once every pak is settled", () => {
    expect(polled(order(pak(1, "ok"), pak(2, "pending"), pak(3, "failed")))).toBe(5_000);
    expect(polled(order(pak(1, "ok"), pak(2, "unknown"), pak(3, "failed")))).toBe(false);
    expect(polled(order(pak(1, "ok")))).toBe(false);
    expect(polled(undefined)).toBe(false);
  });

  it("stops after its last allowed read, answers and failures alike", () => {
    const pending = order(pak(1, "pending"));
    expect(polled(pending, 9, 0)).toBe(5_000);
    expect(polled(pending, 10, 0)).toBe(false);
    expect(polled(pending, 4, 6)).toBe(false);
  });

  it("shows each pak's latest state, keeping whether the submit was a repeat", () => {
    const first = [pak(1, "pending", { replayed: true }), pak(2, "pending", { replayed: true })];
    const views = currentViews(first, [pak(1, "ok"), pak(2, "failed")]);
    expect([...views.values()].map((view) => [view.bundleId, view.status, view.replayed])).toEqual([
      [1, "ok", true],
      [2, "failed", true],
    ]);
  });

  it("puts a checked pak's new state into the order without touching the others", () => {
    const before = order(pak(1, "unknown"), pak(2, "pending"));
    const after = withAttempt(before, pak(1, "ok", { reconciliation: "made" }));
    expect(after.attempts.map((view) => view.status)).toEqual(["ok", "pending"]);
    expect(after.runId).toBe("run-1");
  });

  it("keeps one query for the whole order, however many paks it has", () => {
    const client = new QueryClient();
    const views = [pak(1, "ok"), pak(2, "pending"), pak(3, "pending"), pak(4, "failed")];
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <PurchaseResult
          audience="customer"
          basePath="/portal"
          resultKey={BATCH}
          attempts={views.map((view) => ({ key: view.key, view, problem: null }))}
          isBatch
          runId="run-1"
        />
      </QueryClientProvider>,
    );
    const queries = client.getQueryCache().getAll();
    expect(queries.map((query) => query.queryKey)).toEqual([queryKeys.purchaseResult(BATCH)]);
    for (const view of views) expect(html).toContain(`example.test, pak ${view.bundleId}: `);
    expect(html).toContain("Try the paks that were not renewed again");
  });
});
