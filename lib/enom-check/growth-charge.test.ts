import { describe, expect, it } from "vitest";
import { growthChargeAnswer, type GrowthChargeFacts } from "./growth-charge";

// A 1 GB mailbox-year at $1.00 (3 bought for $3.00, as the simulator's list has it).
function facts(overrides: Partial<GrowthChargeFacts> = {}): GrowthChargeFacts {
  return {
    today: "2026-03-15",
    purchase: { amountCents: 300, mailboxYears: 3 },
    grow: { refusal: null, amountCents: 100, mailboxes: 1 },
    expiresBefore: "2026-10-01",
    expiresAfter: "2026-10-01",
    bundleExpires: "2026-10-01",
    ...overrides,
  };
}

describe("what eNom charged for growing a pak", () => {
  it("with part of a year left, tells whole years from a prorated charge", () => {
    // 200 days of 365 at $1.00 a year: $0.55.
    const prorated = growthChargeAnswer(facts({ grow: { refusal: null, amountCents: 55, mailboxes: 1 } }));
    expect(prorated.status).toBe("answered");
    expect(prorated.answer).toContain("It is the part of the time left");
    expect(prorated.answer).toContain("the pak's ExpDate stayed 2026-10-01");

    // $1.00 matches both "whole years (1)" and "one year": they cannot be told apart here.
    expect(growthChargeAnswer(facts()).status).toBe("partly");
  });

  it("with whole years left, says that proration cannot be told apart", () => {
    const answer = growthChargeAnswer(
      facts({
        expiresBefore: "2028-03-15",
        expiresAfter: "2028-03-15",
        grow: { refusal: null, amountCents: 200, mailboxes: 1 },
      }),
    );
    expect(answer.status).toBe("partly");
    expect(answer.answer).toMatch(/whole years to the expiry \(2\) and the part of the time left/);
    expect(answer.answer).toContain("Grow a pak with part of a year left");
  });

  it("one term whatever is left, and a charge that fits no reading, are said with the numbers", () => {
    const oneYear = growthChargeAnswer(
      facts({ expiresBefore: "2028-03-15", grow: { refusal: null, amountCents: 100, mailboxes: 1 } }),
    );
    expect(oneYear).toMatchObject({ status: "answered" });
    expect(oneYear.answer).toContain("It is one year, whatever is left.");
    const odd = growthChargeAnswer(facts({ grow: { refusal: null, amountCents: 333, mailboxes: 1 } }));
    expect(odd.status).toBe("partly");
    expect(odd.answer).toContain("matches none of");
    expect(odd.answer).toContain("eNom charged $3.33");
  });

  it("stays open when eNom refused, or gave no amount", () => {
    expect(
      growthChargeAnswer(facts({ grow: { refusal: ["Invalid product"], amountCents: null, mailboxes: 1 } })),
    ).toMatchObject({ status: "open", answer: expect.stringContaining("Invalid product") });
    expect(
      growthChargeAnswer(facts({ grow: { refusal: null, amountCents: null, mailboxes: 1 } })).status,
    ).toBe("open");
    expect(growthChargeAnswer(facts({ purchase: { amountCents: null, mailboxYears: 3 } })).status).toBe(
      "partly",
    );
  });
});
