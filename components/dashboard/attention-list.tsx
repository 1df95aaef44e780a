import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { MirrorSyncNotice } from "@/components/domains/mirror-sync-notice";
import type { AttentionItem, AttentionKind } from "@/lib/dashboard/model";
import type { MorningPage } from "@/lib/dashboard/morning";
import { cn } from "@/lib/utils";

/** What each check found when clear, so "nothing to do" is as plain as a problem. */
const CLEAR_WORDS: Record<AttentionKind, string> = {
  expired: "No expired paks",
  expiring: "Nothing due within 30 days",
  "unknown-orders": "No order with an unknown outcome",
  approvals: "No purchase waiting for approval",
  "mail-delivery": "No mail delivery problems found",
  full: "No full paks",
  "near-full": "No nearly full mailboxes",
};

/**
 * "Needs attention": every problem of the account now, most urgent first, each with its count,
 * its first few by name (each a link to its page) and the one link that fixes them all.
 */
export async function AttentionList({ morning }: { morning: Promise<MorningPage> }) {
  const page = await morning;
  if (!page.ok)
    return (
      <Alert tone={page.failure.kind === "not-answering" ? "warning" : "danger"} title={page.failure.title}>
        {page.failure.message}
      </Alert>
    );
  return (
    <div className="flex flex-col gap-3">
      {page.mirror.state !== "synced" ? <MirrorSyncNotice status={page.mirror} service="eNom" /> : null}
      {page.attention.length ? (
        <ul aria-label="Needs attention" className="grid gap-3 md:grid-cols-2">
          {page.attention.map((item) => (
            <AttentionCard key={item.kind} item={item} />
          ))}
        </ul>
      ) : (
        <p className="flex items-center gap-2 rounded-lg border border-success/40 bg-success-soft p-4 text-sm">
          <CircleCheck aria-hidden="true" className="size-5 shrink-0 text-success" />
          Nothing needs your attention right now.
        </p>
      )}
      {page.clear.length && page.attention.length ? (
        <ul aria-label="Checked and clear" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          {page.clear.map((kind) => (
            <li key={kind} className="flex items-center gap-1.5">
              <CircleCheck aria-hidden="true" className="size-4 text-success" />
              {CLEAR_WORDS[kind]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function AttentionCard({ item }: { item: AttentionItem }) {
  const Icon = item.tone === "danger" ? CircleAlert : TriangleAlert;
  const more = item.count - item.entries.length;
  const headingId = `attention-${item.kind}`;
  return (
    <li
      aria-labelledby={headingId}
      data-attention={item.kind}
      className={cn(
        "flex flex-col gap-3 rounded-lg border bg-surface p-4 shadow-sm",
        item.tone === "danger" ? "border-danger/50" : "border-warning/50",
      )}
    >
      <div className="flex gap-3">
        <Icon
          aria-hidden="true"
          className={cn("mt-0.5 size-5 shrink-0", item.tone === "danger" ? "text-danger" : "text-warning")}
        />
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold [overflow-wrap:anywhere]">
            {item.title}
          </h3>
          <p className="mt-0.5 text-sm text-muted">{item.detail}</p>
        </div>
      </div>
      <ul className="flex flex-col gap-1 text-sm">
        {item.entries.map((entry) => (
          <li key={`${entry.href}|${entry.label}`} className="min-w-0">
            <Link
              href={entry.href}
              className="text-accent underline-offset-2 hover:underline [overflow-wrap:anywhere]"
            >
              {entry.label}
            </Link>
          </li>
        ))}
        {more > 0 ? <li className="text-muted">and {more.toLocaleString("en-US")} more</li> : null}
      </ul>
      <div className="mt-auto">
        <Link
          href={item.fix.href}
          aria-describedby={headingId}
          className={buttonClasses(item.tone === "danger" ? "primary" : "secondary", "sm")}
        >
          {item.fix.label}
        </Link>
      </div>
    </li>
  );
}
