import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthFrame } from "@/components/password-reset/auth-frame";
import { Alert } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/auth/session";
import { getAuthBrand } from "@/lib/branding/auth-brand";

export const metadata: Metadata = { title: "Sign in" };

/**
 * The one sign-in page, for staff and customers alike, under the reseller's brand once one is
 * saved. On the portal's own address (Settings → Branding) it is the portal's sign-in, and a
 * signed-in visitor goes on to the portal.
 */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; notice?: string | string[] }>;
}) {
  const brand = await getAuthBrand();
  if (await getSessionUser()) redirect(brand.onPortalHost ? "/portal" : "/");
  const { callbackUrl, notice } = await searchParams;
  const noticeText = typeof notice === "string" ? NOTICES[notice] : undefined;
  return (
    <AuthFrame
      brand={brand}
      title="Sign in"
      description={
        brand.branded
          ? `Manage the email of your domains with ${brand.branding.productName}.`
          : "Manage email for your domains."
      }
    >
      {noticeText ? (
        <div className="mb-4">
          <Alert tone="success" title={noticeText} />
        </div>
      ) : null}
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
    </AuthFrame>
  );
}

/** What a page that sends people here after a success wants them to read (reset, invitation). */
const NOTICES: Record<string, string> = {
  "password-reset": "Your password has been changed. Sign in with your new password.",
  "invitation-accepted": "Your sign-in is ready. Sign in with your email address and new password.",
};
