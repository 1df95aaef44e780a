"use client";

import { useState } from "react";
import { useAction } from "@/components/use-action";
import { Button } from "@/components/ui/button";
import { resendWebhookDeliveryAction } from "@/lib/actions/webhooks";

/** "Resend" in the delivery log: the same event, with the same id, sent again. */
export function ResendDelivery({ deliveryId, eventType }: { deliveryId: string; eventType: string }) {
  const [message, setMessage] = useState("");
  const resend = useAction(resendWebhookDeliveryAction);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={resend.pending}
        aria-label={`Resend ${eventType}`}
        onClick={async () => {
          const result = await resend.run({ deliveryId });
          if (result) setMessage(result.message ?? "");
        }}
      >
        Resend
      </Button>
      <span role="status" className="text-xs text-muted">
        {message}
      </span>
    </span>
  );
}
