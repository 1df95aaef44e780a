import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AttemptView } from "@/lib/purchases/types";
import { AttemptPanel } from "./attempt-panel";
import { domainsOf, orderChangeKey } from "./forget-after-order";
import { settledLine, settledSince, unconfirmedLine, unconfirmedOrders } from "./unconfirmed";
import { UnconfirmedOrders } from "./unconfirmed-orders";

function attempt(key: string, status: AttemptView["status"], extra: Partial<AttemptView> = {}): AttemptView {
  return {
    key,
    kind: "add-mailboxes",
    status,
    reconciliation: null,
    domain: "example.test",
    bundleId: 9,
    orderId: null,
    trackingKey: null,
    message: "",
    summary: "5 more mailboxes for pak 9",
    retailCents: 1000,
    costCents: null,
    newExpiry: null,
    createdAt: "2026-12-07T10:00:00.000Z",
    replayed: false,
    earlier: null,
    ...extra,
  };
}

describe("a domain's orders not confirmed yet", () => {
  it("are the pending and the unknown ones", () => {
    const list = [
      attempt("a", "ok"),
      attempt("b", "pending"),
      attempt("c", "unknown"),
      attempt("d", "failed"),
    ];
    expect(unconfirmedOrders(list).map((order) => order.key)).toEqual(["b", "c"]);
  });

  it("settle when a watched one is ok or failed, and only then", () => {
    const watched = new Set(["b", "c"]);
    const now = [attempt("a", "ok"), attempt("b", "ok"), attempt("c", "unknown")];
    expect(settledSince(watched, now).map((order) => order.key)).toEqual(["b"]);
    expect(settledSince(new Set(), now)).toEqual([]);
  });

  it("are said in plain words, and how they ended", () => {
    expect(unconfirmedLine(attempt("b", "pending"))).toBe(
      "5 more mailboxes for pak 9: sent, the answer has not arrived yet.",
    );
    expect(unconfirmedLine(attempt("c", "unknown"))).toMatch(/answer was lost\. Nothing is ordered again/);
    expect(settledLine(attempt("b", "ok"))).toBe(
      "5 more mailboxes for pak 9: confirmed. The paks below show it.",
    );
    expect(settledLine(attempt("b", "failed", { kind: "renew" }))).toMatch(/nothing was renewed\.$/);
  });

  it("show a portal customer the wait for the email service, with a link to each order", () => {
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <UnconfirmedOrders
          domain="example.test"
          initialOrders={[attempt("b0c7a52-1", "pending"), attempt("ok-1", "ok")]}
          basePath="/portal"
          serviceName="the email service"
        />
      </QueryClientProvider>,
    );
    expect(html).toContain("Waiting for the email service to confirm");
    expect(html).toContain('href="/portal/purchases/b0c7a52-1"');
    expect(html).not.toContain("ok-1");
    expect(html).not.toMatch(/enom/i);
  });

  it("show nothing when every order is settled", () => {
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <UnconfirmedOrders
          domain="example.test"
          initialOrders={[attempt("ok-1", "ok")]}
          basePath=""
          serviceName="eNom"
        />
      </QueryClientProvider>,
    );
    expect(html).toBe("");
  });
});

describe("what an order's result page forgets", () => {
  it("changes only when an order's state changes, and names its domains once", () => {
    const pending = [attempt("a", "pending"), attempt("b", "pending", { domain: "Other.test" })];
    const settled = [attempt("a", "ok"), attempt("b", "pending", { domain: "Other.test" })];
    expect(orderChangeKey(pending)).toBe(orderChangeKey([...pending].reverse()));
    expect(orderChangeKey(settled)).not.toBe(orderChangeKey(pending));
    expect(domainsOf(orderChangeKey(settled)).sort()).toEqual(["example.test", "other.test"]);
    expect(domainsOf(orderChangeKey([]))).toEqual([]);
  });
});

describe("an order's result links", () => {
  const panel = (view: AttemptView, allowed: { purchase: boolean; renew: boolean }) =>
    renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <AttemptPanel
          view={view}
          audience="customer"
          basePath="/portal"
          compact={false}
          retryHref={null}
          resultKey={view.key}
          reading={false}
          onRefresh={() => undefined}
          onChecked={() => undefined}
          allowed={allowed}
        />
      </QueryClientProvider>,
    );

  it("offer Buy more only to a customer who may buy", () => {
    const renewed = attempt("r", "ok", { kind: "renew" });
    expect(panel(renewed, { purchase: true, renew: true })).toContain("Buy more");
    expect(panel(renewed, { purchase: false, renew: true })).not.toContain("Buy more");
    expect(panel(renewed, { purchase: false, renew: true })).toContain("Open example.test");
  });

  it("offer to try again only through a wizard the customer may open", () => {
    const failedRenewal = attempt("f", "failed", { kind: "renew" });
    expect(panel(failedRenewal, { purchase: false, renew: true })).toContain("Change and try again");
    expect(panel(failedRenewal, { purchase: true, renew: false })).not.toContain("Change and try again");
    const failedGrowth = attempt("g", "failed");
    expect(panel(failedGrowth, { purchase: false, renew: true })).not.toContain("Change and try again");
  });
});
