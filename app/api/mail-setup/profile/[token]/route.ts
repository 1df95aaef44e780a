import { NextResponse } from "next/server";
import { RuleError } from "@/lib/auth/errors";
import { NO_STORE } from "@/lib/domains/read-errors";
import { getProfileFromLink, profileDownload } from "@/lib/mail-setup/setup";
import { observeRoute } from "@/lib/metrics/observe";

const EXPIRED = "This setup link has expired or is not valid. Ask for the setup instructions again.";

/**
 * The Apple profile behind a signed link (the setup page's QR code, the setup email), for a phone
 * that is not signed in to the panel: the signature is the credential (lib/mail-setup/profile-link.ts).
 */
export const GET = observeRoute(
  "/api/mail-setup/profile/[token]",
  async (_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> => {
    const { token } = await params;
    try {
      const profile = await getProfileFromLink(token);
      if (!profile)
        return new NextResponse(EXPIRED, {
          status: 404,
          headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
        });
      return profileDownload(profile);
    } catch (error) {
      if (error instanceof RuleError)
        return new NextResponse(error.message, {
          status: 409,
          headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
        });
      throw error;
    }
  },
);
