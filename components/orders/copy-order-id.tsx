import { CopyButton } from "@/components/ui/copy-button";

/**
 * An order id with a copy button (for a ticket or an email to the provider's support); the button
 * names the id it copies, so a row's button is told from the next one's.
 */
export function CopyOrderId({ orderId, label }: { orderId: string; label: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <code className="font-mono text-xs break-all">{orderId}</code>
      <CopyButton value={orderId} label={`Copy ${label} ${orderId}`} />
    </span>
  );
}
