import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guards";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { getMailFixPreview } from "@/lib/mail-health/queries";
import type { MailFixPreviewResponse } from "@/lib/mail-health/view";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * What the mail-delivery fix would write (or the records to copy), checked afresh: DNS, the email
 * service and every host record. A read: nothing is written until the fix is applied.
 */
export const GET = observeRoute(
  "/api/domains/[domain]/mail-health/fix",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string }> },
  ): Promise<NextResponse<MailFixPreviewResponse>> => {
    const { domain } = await params;
    try {
      const user = await requireUser();
      return NextResponse.json(
        { ok: true, data: await getMailFixPreview(user, domain) },
        { headers: NO_STORE },
      );
    } catch (error) {
      const { status, message } = readFailure(error, "the mail-delivery fix");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
