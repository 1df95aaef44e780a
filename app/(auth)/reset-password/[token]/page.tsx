import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/password-reset/auth-frame";
import { NewPasswordForm } from "@/components/password-reset/new-password-form";
import { buttonClasses } from "@/components/ui/button";
import { getAuthBrand } from "@/lib/branding/auth-brand";
import { resetTokenState, type ResetTokenState } from "@/lib/password-reset/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const { branding } = await getAuthBrand();
  // The link's token must not travel to another site in a Referer header.
  return { title: { absolute: `Choose a new password · ${branding.productName}` }, referrer: "no-referrer" };
}

const UNUSABLE: Record<Exclude<ResetTokenState, "valid">, { title: string; text: string }> = {
  unknown: {
    title: "This link does not work",
    text: "The link is not valid: it may be incomplete, or it was replaced. Ask for a new one.",
  },
  used: {
    title: "This link was already used",
    text: "Each reset link works once. If you still cannot sign in, ask for a new one.",
  },
  expired: {
    title: "This link has expired",
    text: "Reset links work for 1 hour. Ask for a new one; it arrives in a minute or two.",
  },
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [brand, state] = await Promise.all([getAuthBrand(), resetTokenState(token)]);
  if (state !== "valid") {
    const { title, text } = UNUSABLE[state];
    return (
      <AuthFrame brand={brand} title={title} description={text}>
        <div className="flex flex-col gap-3">
          <Link href="/reset-password" className={buttonClasses()}>
            Ask for a new link
          </Link>
          <Link href="/sign-in" className={buttonClasses("secondary")}>
            Back to sign in
          </Link>
        </div>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame
      brand={brand}
      title="Choose a new password"
      description="After this you are signed out on every device and sign in with the new password."
    >
      <NewPasswordForm token={token} />
    </AuthFrame>
  );
}
