"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/use-action";
import { requestPurchaseAction, requestRenewalAction } from "@/lib/actions/purchase-requests";
import type { PurchaseRequestView } from "@/lib/purchase-requests/types";
import { usd } from "@/lib/purchases/spending-model";
import type { z } from "zod";
import type { purchaseRequestSchema, renewRequestSchema } from "@/lib/validation/purchases";

/** The wizard's request as on screen (not yet parsed); the server parses it with its schema. */
type Order = { kind: "purchase"; request: unknown } | { kind: "renew"; request: unknown };

/**
 * The portal wizard's confirm when the reseller approves each order (`quote.spending
 * .approvalRequired`): "Send for approval" instead of "Buy now". The request is sent under one key
 * per choice on screen, so a double click or a try after a lost answer finds the same request;
 * nothing is bought until staff approve it.
 */
export function SendForApproval({ order, retailCents }: { order: Order; retailCents: number | null }) {
  const fingerprint = JSON.stringify(order);
  // One key per set of choices: changing them asks for a new request.
  const keys = useRef(new Map<string, string>());
  const keyFor = (print: string) => {
    let key = keys.current.get(print);
    if (!key) {
      key = crypto.randomUUID();
      keys.current.set(print, key);
    }
    return key;
  };
  const [sent, setSent] = useState<PurchaseRequestView | null>(null);
  const purchase = useAction(requestPurchaseAction, { onSuccess: setSent });
  const renewal = useAction(requestRenewalAction, { onSuccess: setSent });
  const state = order.kind === "purchase" ? purchase : renewal;

  const send = () => {
    const idempotencyKey = keyFor(fingerprint);
    if (order.kind === "purchase")
      void purchase.run({
        idempotencyKey,
        request: order.request as z.input<typeof purchaseRequestSchema>,
      });
    else void renewal.run({ idempotencyKey, request: order.request as z.input<typeof renewRequestSchema> });
  };

  if (sent) {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="success" title="Waiting for approval">
          {sent.summary}
          {sent.retailCents === null ? "" : ` (${usd(sent.retailCents)})`}. Your provider will approve or
          decline it; nothing is bought until then. You will get a receipt by email once it is bought.
        </Alert>
        <div>
          <Link href="/portal/requests" className={buttonClasses("secondary")}>
            See your requests
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        Your provider approves each purchase and renewal first
        {retailCents === null ? "" : `; this one costs ${usd(retailCents)}`}. Nothing is bought until they
        approve it.
      </p>
      <FormMessage state={state.error ? { ok: false, message: state.error } : undefined} />
      <div>
        <Button onClick={send} disabled={state.pending}>
          {state.pending ? "Sending…" : "Send for approval"}
        </Button>
      </div>
    </div>
  );
}
