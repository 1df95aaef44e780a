import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { OrderView } from "@/lib/orders/model";
import { OrdersScreen, type OrdersScreenProps } from "./orders-screen";

const ORDER: OrderView = {
  key: "0b6f3c52-5a8e-4c59-9d2b-2f0d1c7e9a10:4711",
  href: "/purchases/0b6f3c52-5a8e-4c59-9d2b-2f0d1c7e9a10%3A4711",
  createdAt: "2026-05-31T14:02:09.123Z",
  domain: "bakery.test",
  customerName: "Bakery Ltd",
  kind: "renew",
  outcome: "unknown",
  what: "Renewed 1 pak for 1 year",
  pakId: 4711,
  orderId: "157001",
  who: "ann@reseller.test",
  whoRole: "staff",
  retailCents: 3000,
  costCents: 2100,
};

function render(props: Partial<OrdersScreenProps>): string {
  return renderToStaticMarkup(
    <OrdersScreen
      audience="staff"
      path="/orders"
      search={{}}
      errors={{}}
      customers={[{ id: "3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b", name: "Bakery Ltd" }]}
      orders={[ORDER]}
      next={null}
      paged={false}
      {...props}
    />,
  );
}

describe("the orders screen", () => {
  it("shows staff each order with its outcome, eNom order ID, retail and cost, linked to its result", () => {
    const html = render({});
    expect(html).toContain("<h1");
    expect(html).toContain('href="/purchases/0b6f3c52-5a8e-4c59-9d2b-2f0d1c7e9a10%3A4711"');
    expect(html).toContain("Renewed 1 pak for 1 year");
    expect(html).toContain("Pak 4711");
    expect(html).toContain("Waiting for eNom&#x27;s answer");
    expect(html).toContain("Copy eNom order ID 157001");
    expect(html).toContain("$30.00");
    expect(html).toContain("$21.00");
    expect(html).toContain(">Cost<");
    expect(html).toContain('name="customer"');
    expect(html).toContain('href="/api/orders/export"');
  });

  it("shows a customer its price only, never the cost, the customer filter or the word eNom", () => {
    const html = render({
      audience: "customer",
      path: "/portal/orders",
      customers: [],
      orders: [
        {
          ...ORDER,
          customerName: null,
          costCents: null,
          whoRole: null,
          who: "You",
          href: "/portal/purchases/x",
        },
      ],
    });
    expect(html).not.toMatch(/enom|cost|\$21\.00|Bakery Ltd/i);
    expect(html).not.toContain('name="customer"');
    expect(html).toContain(">Price<");
    expect(html).toContain("$30.00");
    expect(html).toContain("Order number");
    expect(html).toContain('href="/portal/purchases/x"');
  });

  it("tells an empty history from filters that match nothing", () => {
    expect(render({ orders: [] })).toContain("No orders yet");
    const filtered = render({ orders: [], search: { outcome: "failed" } });
    expect(filtered).toContain("No orders match");
    expect(filtered).toContain('href="/api/orders/export?outcome=failed"');
  });

  it("pages older and back to the newest with the same filters", () => {
    const html = render({ search: { kind: "renew" }, next: "abc", paged: true });
    expect(html).toContain('href="/orders?kind=renew&amp;after=abc"');
    expect(html).toContain('href="/orders?kind=renew"');
    expect(render({ next: null, paged: false })).not.toContain("Older orders");
  });

  it("says when the page's position in the list is no longer valid", () => {
    expect(render({ orders: null, paged: true })).toContain("This page of orders is no longer valid");
  });
});
