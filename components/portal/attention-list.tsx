import { AlertTriangle, CircleAlert } from "lucide-react";
import Link from "next/link";
import type { AttentionItem } from "@/lib/portal/attention";
import { cn } from "@/lib/utils";

/** What needs doing soon, each item linking to its domain. */
export function AttentionList({ items, base }: { items: readonly AttentionItem[]; base: string }) {
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="attention-title"
      className="mb-6 rounded-lg border border-warning/40 bg-warning-soft p-4"
    >
      <h2 id="attention-title" className="mb-2 text-base font-semibold">
        Needs your attention
      </h2>
      <ul className="flex flex-col gap-2">
        {items.map((item) => {
          const Icon = item.tone === "danger" ? CircleAlert : AlertTriangle;
          return (
            <li key={`${item.domain}-${item.kind}`} className="flex items-start gap-2 text-sm">
              <Icon
                aria-hidden="true"
                className={cn(
                  "mt-0.5 size-4 shrink-0",
                  item.tone === "danger" ? "text-danger" : "text-warning",
                )}
              />
              <Link
                href={`${base}/domains/${encodeURIComponent(item.domain)}`}
                className="underline underline-offset-2 hover:no-underline"
              >
                {item.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
