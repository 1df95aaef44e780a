import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { noFreeMailboxNotice, type NoFreeMailbox, type NoticeAllowances } from "./no-free-mailbox";

/** Why no mailbox can be added now, with the way out this viewer may take (renew, buy, grow). */
export function NoFreeMailboxNotice({
  reason,
  domain,
  allowed,
  className,
}: {
  reason: NoFreeMailbox;
  domain: string;
  allowed: NoticeAllowances;
  className?: string;
}) {
  const notice = noFreeMailboxNotice(reason, domain, allowed);
  return (
    <div className={cn("flex flex-wrap items-center gap-x-3 gap-y-2 text-sm", className)}>
      <p className={reason.kind === "expired" ? "text-fg" : "text-muted"}>{notice.text}</p>
      {notice.link ? (
        <Link href={notice.link.href} className={buttonClasses("secondary", "sm")}>
          {notice.link.label}
        </Link>
      ) : null}
    </div>
  );
}
