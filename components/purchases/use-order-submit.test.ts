import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import type { EarlierOrder } from "@/lib/purchases/types";
import { orderOutcome, type PlacedOrder } from "./use-order-submit";

/** A submit's answer, cut down to what the outcome reads: its status, and any earlier order. */
interface Answer {
  key: string;
  status: "ok" | "pending" | "failed" | "unknown";
  replayed: boolean;
  earlier: EarlierOrder | null;
}

const placed = (answer: Answer): PlacedOrder | null =>
  answer.status === "failed" ? null : { key: answer.key, replayed: answer.replayed };

const answer = (changes: Partial<Answer> = {}): ActionResult<Answer> => ({
  ok: true,
  data: {
    key: "0b7c3f1e-5d2a-4c8e-9f10-2a3b4c5d6e7f",
    status: "ok",
    replayed: false,
    earlier: null,
    ...changes,
  },
});

const sameOrder: EarlierOrder = {
  reason: "same-order",
  placedAt: "2026-12-07T04:30:00.000Z",
  placedBy: "you",
  canView: true,
  confirmation: "signed-confirmation",
  confirmationExpiresAt: "2026-12-07T04:40:00.000Z",
};

describe("what became of an order wizard's submit", () => {
  it("sends the user to the order's result page when it was placed, saying so when it was a repeat", () => {
    expect(orderOutcome(answer(), placed, false)).toEqual({
      kind: "placed",
      order: { key: "0b7c3f1e-5d2a-4c8e-9f10-2a3b4c5d6e7f", replayed: false },
    });
    expect(orderOutcome(answer({ status: "unknown", replayed: true }), placed, false)).toEqual({
      kind: "placed",
      order: { key: "0b7c3f1e-5d2a-4c8e-9f10-2a3b4c5d6e7f", replayed: true },
    });
  });

  it("shows the earlier order instead when the server made none because of it", () => {
    const stopped = answer({ status: "ok", earlier: sameOrder });
    expect(orderOutcome(stopped, placed, false)).toEqual({
      kind: "earlier",
      data: stopped.ok && stopped.data,
    });
  });

  it("keeps the key when no answer came back, since the order may have been placed", () => {
    const lost: ActionResult<Answer> = { ok: false, message: "The panel did not answer." };
    expect(orderOutcome(lost, placed, true)).toEqual({ kind: "unanswered" });
  });

  it("hands back the refusal when nothing was placed, by the provider or by the form's checks", () => {
    const failed = answer({ status: "failed" });
    expect(orderOutcome(failed, placed, false)).toEqual({ kind: "refused", result: failed });
    const invalid: ActionResult<Answer> = {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { "request.quantity": ["Enter at least 1 mailboxes."] },
    };
    expect(orderOutcome(invalid, placed, false)).toEqual({ kind: "refused", result: invalid });
  });

  it("does nothing for a click while the order was on its way", () => {
    expect(orderOutcome(null, placed, false)).toEqual({ kind: "ignored" });
  });
});
