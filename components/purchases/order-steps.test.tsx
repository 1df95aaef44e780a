import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Quote } from "@/lib/purchases/types";
import { OrderConfirmStep } from "./order-steps";

const quote: Quote = {
  lines: [{ label: "2 mailboxes, 3 GB each, 1 year", retailCents: 1200, costCents: 500 }],
  retailCents: 1200,
  costCents: 500,
  balanceCents: 10_000,
  balanceAfterCents: 9_500,
  sufficient: true,
  expiries: [],
  balanceProblem: null,
  newPakExpires: null,
};

function confirm(props: Partial<Parameters<typeof OrderConfirmStep>[0]> = {}): string {
  return renderToStaticMarkup(
    <OrderConfirmStep
      heading="Confirm the purchase"
      focus={false}
      problem={null}
      quote={quote}
      audience="staff"
      submitting={false}
      submitLabel="Buy now"
      busyLabel="Buying…"
      note="Clicking twice never buys twice."
      noteId="purchase-confirm-note"
      onBack={() => undefined}
      onConfirm={() => undefined}
      {...props}
    />,
  );
}

describe("an order wizard's confirm step", () => {
  it("shows staff the price to the customer and the debit, and describes the button by the note", () => {
    const html = confirm();
    expect(html).toContain("Price to the customer");
    expect(html).toContain("Debited from the account balance");
    expect(html).toContain("$5.00");
    expect(html).toMatch(
      /<button[^>]*type="submit"[^>]*aria-describedby="purchase-confirm-note"[^>]*>Buy now<\/button>/,
    );
    expect(html).toContain('<p id="purchase-confirm-note"');
    expect(html).toContain(">Back</button>");
  });

  it("shows customers their price only", () => {
    const html = confirm({ audience: "customer", quote: { ...quote, costCents: null } });
    expect(html).toContain(">Price</dt>");
    expect(html).not.toContain("Debited from the account balance");
  });

  it("while submitting, says so on a disabled button and offers no way back", () => {
    const html = confirm({ submitting: true });
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Buying…<\/button>/);
    expect(html).not.toContain(">Back</button>");
  });

  it("cannot submit when the balance does not cover the price", () => {
    const html = confirm({ quote: { ...quote, sufficient: false } });
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Buy now<\/button>/);
  });
});
