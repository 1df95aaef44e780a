import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatReadAt } from "@/components/domains/format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { demoMailEnabled, readDemoEmails } from "@/lib/mail/demo-emails";

export const metadata: Metadata = { title: "Demo emails" };
export const dynamic = "force-dynamic";

/**
 * The demo sends no email: invitations, password resets, receipts and reminders are written to
 * data/demo/mail/ and listed here, newest first, so the links in them can be followed. Staff only,
 * and only in the demo: anywhere else this page does not exist.
 */
export default async function DemoMailPage() {
  const user = await requireStaffPage();
  if (!demoMailEnabled()) notFound();
  const emails = await readDemoEmails(user);
  return (
    <>
      <PageHeader
        title="Demo emails"
        description="The demo sends no email: each one the panel would send is kept in data/demo/mail/ and shown here, newest first."
      />
      {emails.length === 0 ? (
        <EmptyState icon={Inbox} title="No emails yet">
          Invite a customer&apos;s login, ask for a password reset or place an order in the portal: its email
          appears here.
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Emails, newest first">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg border border-line bg-surface shadow-sm">
              <details className="group">
                <summary className="flex cursor-pointer flex-col gap-1 p-4 sm:flex-row sm:items-baseline sm:gap-4">
                  <span className="font-medium [overflow-wrap:anywhere]">{email.subject}</span>
                  <span className="text-sm text-muted [overflow-wrap:anywhere] sm:ml-auto">
                    to {email.to.join(", ")}
                    {email.sentAt ? <> · {formatReadAt(email.sentAt)}</> : null}
                  </span>
                </summary>
                <div className="border-t border-line p-4">
                  <p className="mb-2 text-sm text-muted [overflow-wrap:anywhere]">From {email.from}</p>
                  <pre className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{email.text}</pre>
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
