"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useAction, wasUnreachable } from "@/components/use-action";
import type { ActionResult } from "@/lib/actions/result";
import type { EarlierOrder } from "@/lib/purchases/types";
import { rememberAttemptOrigin, useIdempotencyKey } from "./idempotency";
import { unansweredProblem, type WizardProblem } from "./wizard-frame";

/** The order a submit placed (or had placed before, for a replayed key): its result page. */
export interface PlacedOrder {
  key: string;
  replayed: boolean;
}

/** What a wizard submits: its request under an idempotency key, and the server's repeat confirmation. */
interface OrderInput<R> {
  idempotencyKey: string;
  request: R;
  confirmation?: string;
}

/**
 * What became of one submit:
 * - ignored: a click while the order was on its way, which sent nothing;
 * - earlier: no order was made, an earlier one is shown instead (the key stays unused);
 * - placed: an order was placed (or had been, with this key): its result page comes next;
 * - unanswered: no answer came back, so the order may have been placed;
 * - refused: nothing was placed, for the reason in the result.
 */
export type OrderOutcome<D> =
  | { kind: "ignored" }
  | { kind: "earlier"; data: D }
  | { kind: "placed"; order: PlacedOrder }
  | { kind: "unanswered" }
  | { kind: "refused"; result: ActionResult<D> };

export function orderOutcome<D extends { earlier: EarlierOrder | null }>(
  result: ActionResult<D> | null,
  placed: (data: D) => PlacedOrder | null,
  unanswered: boolean,
): OrderOutcome<D> {
  if (!result) return { kind: "ignored" };
  if (result.ok && result.data.earlier) return { kind: "earlier", data: result.data };
  const order = result.ok ? placed(result.data) : null;
  if (order) return { kind: "placed", order };
  if (unanswered) return { kind: "unanswered" };
  return { kind: "refused", result };
}

export interface OrderSubmitOptions<R, D> {
  scope: "purchase" | "renew";
  action: (input: OrderInput<R>) => Promise<ActionResult<D>>;
  basePath: "" | "/portal";
  /** What the wizard does, in its messages: "Nothing was bought", "… renewed". */
  done: "bought" | "renewed";
  /** The request on screen now; its JSON is the fingerprint its idempotency key is kept under. */
  request: R;
  /** The order the answer placed, or null when nothing was placed (every part failed). */
  placed: (data: D) => PlacedOrder | null;
}

/**
 * The wizards' submit, which never buys twice: the request carries an idempotency key kept in this
 * tab for these choices, so a double click, a refresh or a try after no answer resubmits the same
 * key and the server answers with the first attempt. The key is forgotten only when nothing was
 * placed. Once an order is placed the result page loads and nothing can be clicked twice meanwhile.
 */
export function useOrderSubmit<R, D extends { earlier: EarlierOrder | null }>({
  scope,
  action,
  basePath,
  done,
  request,
  placed,
}: OrderSubmitOptions<R, D>) {
  const router = useRouter();
  const [problem, setProblem] = useState<WizardProblem>(null);
  /** The earlier order that stopped the last submit (the same order, or one not confirmed yet). */
  const [earlier, setEarlier] = useState<D | null>(null);
  // Once the order is placed the result page loads: nothing to click twice meanwhile. A ref too,
  // so a click in the same frame sees it at once.
  const [leaving, setLeaving] = useState(false);
  const left = useRef(false);
  const submit = useAction(action);
  const { keyFor, forget, init } = useIdempotencyKey(scope);
  useEffect(() => init(), [init]);
  const fingerprint = JSON.stringify(request);

  /**
   * Submits the request on screen. `origin` is the wizard with these choices, for "Change and try
   * again" on the result page; `confirmation` is the server's, from the notice of the same order
   * placed minutes ago: only with it is the same thing ordered again. Resolves to the refusal when
   * nothing was placed (the wizard explains it; the next try gets a fresh key), else to null.
   */
  const place = async ({
    origin,
    confirmation,
  }: {
    origin: string;
    confirmation?: string;
  }): Promise<ActionResult<D> | null> => {
    if (left.current) return null;
    setProblem(null);
    const idempotencyKey = keyFor(fingerprint);
    const result = await submit.run({ idempotencyKey, request, ...(confirmation ? { confirmation } : {}) });
    const outcome = orderOutcome(result, placed, result !== null && wasUnreachable(result));
    if (outcome.kind === "ignored") return null;
    if (outcome.kind === "earlier") {
      setEarlier(outcome.data);
      return null;
    }
    setEarlier(null);
    if (outcome.kind === "placed") {
      left.current = true;
      setLeaving(true);
      rememberAttemptOrigin(outcome.order.key, origin);
      // A repeated submission says so on the result page: the first attempt's result, placed once.
      const replayed = outcome.order.replayed ? "?replayed=1" : "";
      router.push(`${basePath}/purchases/${encodeURIComponent(outcome.order.key)}${replayed}`);
      return null;
    }
    // No answer: the order may have been placed, so the next try keeps the key and cannot place twice.
    if (outcome.kind === "unanswered") {
      setProblem(unansweredProblem(done));
      return null;
    }
    forget(fingerprint);
    return outcome.result;
  };

  return {
    place,
    submitting: submit.pending || leaving,
    problem,
    setProblem,
    earlier,
    /** The choices changed: the earlier order shown was for other ones. */
    clearEarlier: () => setEarlier(null),
  };
}
