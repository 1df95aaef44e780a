import { NextResponse } from "next/server";
import { RuleError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { getMailboxProfile, profileDownload } from "@/lib/mail-setup/setup";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * The Apple profile (`.mobileconfig`) of one mailbox, for the setup page's download button. A read:
 * the caller is checked through the same door as the page (a customer reaches only their own
 * domains; anything else is 404, as for a domain that does not exist).
 */
export const GET = observeRoute(
  "/api/domains/[domain]/mailboxes/[mailbox]/profile",
  async (
    _request: Request,
    { params }: { params: Promise<{ domain: string; mailbox: string }> },
  ): Promise<Response> => {
    const { domain, mailbox } = await params;
    try {
      const user = await requireUser();
      return profileDownload(await getMailboxProfile(user, domain, mailbox));
    } catch (error) {
      if (error instanceof RuleError)
        return NextResponse.json({ ok: false, message: error.message }, { status: 409, headers: NO_STORE });
      const { status, message } = readFailure(error, "this mailbox's settings");
      return NextResponse.json({ ok: false, message }, { status, headers: NO_STORE });
    }
  },
);
